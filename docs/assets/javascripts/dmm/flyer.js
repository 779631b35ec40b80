// The printable flyer: the business's name and sending address on it (from ?name= and ?sender=, or
// typed in the fields above it), one language or both on one sheet, A4 or US Letter. The QR code
// and the printed address lead to the published finder, with the business's address on the guide.
import {cleanName, personalLink, sender, senderName, validSender} from "./sender.js";
import KIT from "../../generated/dmm-kit.js";
import {DATA, choice, element, fillNodes, lang, prefixOf, siteRoot} from "./page.js";

// A language's flyer strings (the kit's module holds every language's: the sheet can show two).
const textsOf = (language) => KIT.strings[language];

const state = {sender: sender || "", name: senderName || "", both: false, paper: "a4"};
const originalTitles = new WeakMap();

function finderLink(language) {
  return personalLink(KIT.publicUrl + prefixOf(language) + "find/", state.sender, state.name);
}

// One flyer block in its own language: title, sender line, QR code and the address to type.
function personalise(block, language) {
  const texts = textsOf(language);
  const title = block.querySelector("h1");
  if (!originalTitles.has(title)) originalTitles.set(title, Array.from(title.childNodes));
  title.replaceChildren(...(state.name ? fillNodes(texts.ui_flyer_title_named, {name: state.name}) : originalTitles.get(title)));
  const senderLine = block.querySelector("[data-dmm-flyer-sender]");
  senderLine.hidden = !state.sender;
  senderLine.replaceChildren(...(state.sender ? fillNodes(texts.ui_flyer_sender, {address: state.sender}, "ltr") : []));
  if (!KIT.publicUrl) return;   // the build-time picture says there is no public address
  const plain = KIT.publicUrl.replace(/^https?:\/\//, "") + prefixOf(language) + "find/";
  const urlLine = block.querySelector("[data-dmm-flyer-url]");
  urlLine.hidden = false;
  urlLine.replaceChildren(...fillNodes(texts.ui_flyer_url, {url: plain}, "ltr"));
  if (!state.sender && !state.name && block.querySelector("img[data-dmm-flyer-qr]")) return;   // the built code fits
  // Drawn again on each change, so a cleared name or address leaves the code as well.
  import("./qr.js").then(({qrSvg}) => {
    const qr = block.querySelector("[data-dmm-flyer-qr]");
    const title = qr.tagName === "IMG" ? qr.getAttribute("alt") : qr.querySelector("title").textContent;
    const svg = qrSvg(finderLink(language), title || "", document);
    svg.setAttribute("class", "dmm-qr");
    svg.setAttribute("data-dmm-flyer-qr", "");
    qr.replaceWith(svg);
  });
}

// The other language's flyer, from its own page on this site, for the two-language sheet.
async function otherFlyer() {
  const other = DATA.languages.find((language) => language.code !== lang);
  const response = await fetch(siteRoot + prefixOf(other.code) + "flyer/");
  const page = new DOMParser().parseFromString(await response.text(), "text/html");
  const block = document.importNode(page.querySelector("[data-dmm-flyer]"), true);
  block.setAttribute("lang", other.code);
  block.setAttribute("dir", other.direction);
  return {block, language: other.code};
}

export function startFlyer() {
  const own = document.querySelector("[data-dmm-flyer]");
  const controls = document.querySelector("[data-dmm-flyer-controls]");
  if (!own || !controls) return;
  const texts = textsOf(lang);
  const pair = element("div", {"class": "dmm-flyer-pair"});
  own.before(pair);
  pair.appendChild(own);
  let other = null;
  let fetching = null;

  const name = element("input", {id: "dmm-flyer-name", type: "text", "class": "dmm-input", dir: "auto", maxlength: "80", autocomplete: "off"});
  const address = element("input", {id: "dmm-flyer-address", type: "email", "class": "dmm-input", dir: "ltr", autocomplete: "off"});
  name.value = state.name;
  address.value = state.sender;
  const languages = choice("dmm-flyer-languages", texts.ui_flyer_languages, [["one", texts.ui_flyer_single], ["both", texts.ui_flyer_both]], "one");
  const paper = choice("dmm-flyer-paper", texts.ui_flyer_paper, [["a4", texts.ui_flyer_a4], ["letter", texts.ui_flyer_letter]], "a4");
  const print = element("button", {type: "button", "class": "md-button md-button--primary"}, [texts.ui_flyer_print]);
  print.addEventListener("click", () => window.print());
  controls.replaceChildren(element("p", {}, [texts.ui_flyer_intro]),
    element("div", {"class": "dmm-kit-form"}, [
      element("p", {}, [element("label", {"for": "dmm-flyer-name"}, [texts.ui_builder_name]), name]),
      element("p", {}, [element("label", {"for": "dmm-flyer-address"}, [texts.ui_flyer_address]), address]),
      languages.node, paper.node]),
    element("p", {}, [print]));
  if (!KIT.publicUrl) {
    controls.appendChild(element("p", {"class": "admonition warning dmm-no-public"}, fillNodes(texts.ui_builder_no_public, {url: siteRoot})));
  }

  async function update() {
    state.name = cleanName(name.value);
    state.sender = validSender(address.value) || "";
    state.both = languages.select.value === "both";
    state.paper = paper.select.value;
    document.documentElement.classList.toggle("dmm-paper-letter", state.paper === "letter");
    document.documentElement.classList.toggle("dmm-paper-a4", state.paper !== "letter");
    if (state.both && !other) {
      fetching = fetching || otherFlyer();
      const fetched = await fetching;
      if (!other) {
        other = fetched;
        pair.appendChild(other.block);
      }
    }
    pair.classList.toggle("dmm-flyer-pair--both", state.both);
    if (other) other.block.hidden = !state.both;
    personalise(own, lang);
    if (other && state.both) personalise(other.block, other.language);
    // The choices stay in the address, so a business can bookmark or share its own flyer.
    const query = new URLSearchParams();
    if (state.sender) query.set("sender", state.sender);
    if (state.name) query.set("name", state.name);
    if (state.both) query.set("languages", "both");
    if (state.paper === "letter") query.set("paper", "letter");
    const target = window.location.pathname + (query.toString() ? "?" + query : "");
    if (target !== window.location.pathname + window.location.search) history.replaceState(null, "", target);
  }

  const params = new URLSearchParams(window.location.search);
  if (params.get("languages") === "both") languages.select.value = "both";
  if (params.get("paper") === "letter") paper.select.value = "letter";
  [name, address].forEach((input) => input.addEventListener("input", update));
  [languages.select, paper.select].forEach((select) => select.addEventListener("change", update));
  update();
}
