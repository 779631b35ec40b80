// Deliver My Mail's browser tools, as native ES modules (no bundler): each tool is one module,
// started here. Nothing is sent anywhere; the data comes from assets/generated/dmm-data.js.
import {startFinders} from "./finder.js";
import {startFlyer} from "./flyer.js";
import {startConfigurators} from "./kit.js";
import {startLetters} from "./letter.js";
import {speakTheAskedLanguage} from "./notfound.js";
import {personalise} from "./personalise.js";
import {improveSearch} from "./search.js";

speakTheAskedLanguage();
improveSearch();
startFinders();
personalise();
startLetters();
startConfigurators();
startFlyer();
