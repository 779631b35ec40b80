// Deliver My Mail's browser tools, as native ES modules (no bundler): each tool is one module,
// started here. Nothing is sent anywhere; the data comes from assets/generated/
// (dmm-data.js on every page, dmm-strings-<language>.js in the page's language).
import {startLetters} from "./letter.js";
import {speakTheAskedLanguage} from "./notfound.js";
import {lang, loadStrings, useStrings} from "./page.js";
import {personalise} from "./personalise.js";
import {improveSearch} from "./search.js";

// The 404 page's language and the search's handling of Arabic marks need no strings: they start at once.
speakTheAskedLanguage();
improveSearch();

// Tools of one page each load only there: a guide on a phone does not download the kit.
const onDemand = [
  ["[data-dmm-finder]", () => import("./finder.js").then((finder) => finder.startFinders())],
  ["[data-dmm-configurator], [data-dmm-link-builder], [data-dmm-ready]", () => import("./kit.js").then((kit) => kit.startConfigurators())],
  ["[data-dmm-flyer-controls]", () => import("./flyer.js").then((flyer) => flyer.startFlyer())],
  ["[data-dmm-header-reader]", () => import("./headers.js").then((reader) => reader.startHeaderReader())],
  ["[data-dmm-platform]:not([data-dmm-platform='web'])", () => import("./platforms.js").then((platforms) => platforms.startPlatformSwitch())]
];

loadStrings(lang).then((loaded) => {
  useStrings(loaded);
  personalise();
  startLetters();
  onDemand.forEach(([selector, start]) => {
    if (document.querySelector(selector)) start();
  });
});
