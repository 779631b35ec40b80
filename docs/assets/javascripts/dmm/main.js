// Deliver My Mail's browser tools, as native ES modules (no bundler): each tool is one module,
// started here. Nothing is sent anywhere; the data comes from assets/generated/dmm-data.js.
import {startFinders} from "./finder.js";
import {startLetters} from "./letter.js";
import {speakTheAskedLanguage} from "./notfound.js";
import {personalise} from "./personalise.js";
import {improveSearch} from "./search.js";

speakTheAskedLanguage();
improveSearch();
startFinders();
personalise();
startLetters();

// Tools of one page each load only there: a guide on a phone does not download the kit.
const onDemand = [
  ["[data-dmm-configurator], [data-dmm-link-builder], [data-dmm-ready]", () => import("./kit.js").then((kit) => kit.startConfigurators())],
  ["[data-dmm-flyer-controls]", () => import("./flyer.js").then((flyer) => flyer.startFlyer())],
  ["[data-dmm-header-reader]", () => import("./headers.js").then((reader) => reader.startHeaderReader())],
  ["[data-dmm-platform]:not([data-dmm-platform='web'])", () => import("./platforms.js").then((platforms) => platforms.startPlatformSwitch())]
];
onDemand.forEach(([selector, start]) => {
  if (document.querySelector(selector)) start();
});
