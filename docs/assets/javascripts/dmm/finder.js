// The finder: "which guide is mine?" from an address, on the home page, the A–Z index and /find/.
// Everything happens in this page: no address is sent anywhere.
import {lookup} from "./find.js";
import {writtenDomain} from "./lookup.js";
import {DATA, element, fillNodes, guideUrl, lang, prefixOf, providerName, siteRoot, strings} from "./page.js";
import {preservedSearch} from "./sender.js";

let finderCount = 0;

function renderAnswer(result, output, navigate) {
  output.textContent = "";
  if (!result.address) {
    output.appendChild(element("p", {}, [strings.ui_finder_empty]));
    return;
  }
  if (result.provider) {
    const url = guideUrl(result.provider, preservedSearch());
    output.appendChild(element("p", {}, fillNodes(strings.ui_finder_found, {provider: providerName(result.provider)})));
    output.appendChild(element("p", {}, [element("a", {href: url},
      fillNodes(strings.ui_finder_open, {provider: providerName(result.provider)}))]));
    if (navigate) window.location.assign(url);
    return;
  }
  if (!result.domain) {
    if (result.suggestion) {
      output.appendChild(element("p", {}, [strings.ui_finder_incomplete]));
      output.appendChild(suggestionLink(result.suggestion));
    } else {
      output.appendChild(element("p", {}, [strings.ui_finder_invalid]));
    }
    return;
  }
  // A near miss of a known domain: the likelier story is a typo, perhaps in the address a business
  // was given; the way on for a domain that is right after all follows, without contradicting it.
  const domain = shownDomain(result);
  if (result.suggestion) {
    output.appendChild(suggestionLink(result.suggestion));
    output.appendChild(element("p", {}, fillNodes(strings.ui_finder_typo, {domain})));
    output.appendChild(element("p", {}, fillNodes(strings.ui_finder_if_right, {domain})));
  } else {
    output.appendChild(element("p", {}, fillNodes(strings.ui_finder_unknown, {domain})));
  }
  const home = siteRoot + prefixOf(lang);
  output.appendChild(element("ul", {}, [
    [home + "recipients/", strings.ui_finder_general],
    [home + "providers/", strings.ui_finder_az],
    [home + "providers/regions/", strings.ui_finder_regions]
  ].map(([href, text]) => element("li", {}, [element("a", {href}, [text])]))));
  const workplace = Object.keys(DATA.providers).filter((slug) => DATA.providers[slug].kind === DATA.workplaceKind);
  if (workplace.length) {
    output.appendChild(element("p", {}, [strings.ui_finder_workplace]));
    output.appendChild(element("ul", {}, workplace.map((slug) =>
      element("li", {}, [element("a", {href: guideUrl(slug, preservedSearch())}, [providerName(slug)])]))));
  }
}

// An internationalised domain as typed, with the ASCII form mail systems use: "مثال.مصر (xn--mgbh0fb.xn--wgbh1c)".
function shownDomain(result) {
  const written = writtenDomain(result.address);
  return written === result.domain ? result.domain : written + " (" + result.domain + ")";
}

function suggestionLink(domain) {
  return element("p", {}, [element("a", {href: guideUrl(DATA.domains[domain], preservedSearch()),
    "data-dmm-suggestion": domain}, fillNodes(strings.ui_finder_suggest, {domain}))]);
}

function buildFinder(container) {
  finderCount += 1;
  const id = "dmm-finder-" + finderCount;
  const input = element("input", {id, type: "text", inputmode: "email", autocomplete: "email",
    spellcheck: "false", autocapitalize: "off", dir: "ltr", "aria-describedby": id + "-hint",
    "class": "dmm-input", name: "address"});
  const output = element("div", {"class": "dmm-answer", "aria-live": "polite", id: id + "-answer"});
  const form = element("form", {"class": "dmm-finder-form", role: "search", action: "#", novalidate: ""}, [
    element("label", {"for": id}, [strings.ui_finder_label]),
    element("div", {"class": "dmm-row"}, [input,
      element("button", {type: "submit", "class": "md-button md-button--primary"}, [strings.ui_finder_button])]),
    element("p", {"class": "dmm-hint", id: id + "-hint"}, [strings.ui_finder_hint]),
    output
  ]);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    renderAnswer(lookup(input.value), output, true);
  });
  container.textContent = "";
  container.appendChild(form);
  return {input, output};
}

// /find/#someone@example.com : the address stays after '#', so it never reaches a server.
function handleHash(finder) {
  let raw = "";
  try { raw = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { raw = window.location.hash.slice(1); }
  if (!raw) return;
  finder.input.value = raw;
  renderAnswer(lookup(raw), finder.output, true);
}

export function startFinders() {
  const finders = Array.from(document.querySelectorAll("[data-dmm-finder]"), buildFinder);
  if (finders.length && document.querySelector("[data-dmm-find-page]")) {
    handleHash(finders[0]);
    window.addEventListener("hashchange", () => handleHash(finders[0]));
  }
}
