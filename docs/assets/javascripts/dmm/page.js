// What every tool shares: the page's language and strings, the site's root, and small DOM helpers.
// Text from the address bar or the reader is only ever set as text (textContent, value), never
// as markup.
import DATA from "../../generated/dmm-data.js";

export {DATA};
const pageLanguage = document.documentElement.lang;
export const lang = DATA.languages.some((language) => language.code === pageLanguage) ? pageLanguage : DATA.languages[0].code;
// This module lives at <site>/assets/javascripts/dmm/page.js: its own address gives the site root.
export const siteRoot = new URL("../../../", import.meta.url).href;

// The tools' strings in one language (assets/generated/dmm-strings-<code>.js, as browser.py's
// browser_strings_path names it): a page loads only its own language's, and main.js starts the
// tools once they are here (useStrings).
export function loadStrings(code) {
  return import(new URL(`../../generated/dmm-strings-${code}.js`, import.meta.url).href).then((module) => module.default);
}
export let strings = {};
export function useStrings(loaded) {
  strings = loaded;
}

export function fill(template, fields) {
  return template.replace(/\{(\w+)\}/g, (whole, name) =>
    Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : whole);
}

export function element(tag, attributes, children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => node.setAttribute(name, value));
  (children || []).forEach((child) => node.appendChild(typeof child === "string" ? document.createTextNode(child) : child));
  return node;
}

// A template as nodes: each filled-in value is an isolated <bdi>, so an address or a name keeps
// its own direction inside a sentence of the other direction (a <bdi> finds it from its text;
// `direction` fixes it, "ltr" for addresses and URLs).
export function fillNodes(template, fields, direction) {
  const nodes = [];
  const pattern = /\{(\w+)\}/g;
  let position = 0;
  let match;
  while ((match = pattern.exec(template)) !== null) {
    if (!Object.prototype.hasOwnProperty.call(fields, match[1])) continue;
    nodes.push(template.slice(position, match.index));
    nodes.push(element("bdi", direction ? {dir: direction} : {}, [fields[match[1]]]));
    position = pattern.lastIndex;
  }
  nodes.push(template.slice(position));
  return nodes;
}

// A labelled drop-down list: options are [value, text] pairs.
export function choice(id, label, options, value) {
  const select = element("select", {id, "class": "dmm-input"}, options.map(([key, text]) => element("option", {value: key}, [text])));
  if (value !== undefined) select.value = value;
  return {select, node: element("p", {}, [element("label", {"for": id}, [label]), select])};
}

export function prefixOf(code) {
  const language = DATA.languages.find((item) => item.code === code);
  return language ? language.prefix : "";
}

export function guideUrl(slug, search) {
  return siteRoot + prefixOf(lang) + "providers/" + slug + "/" + (search || "");
}

export function providerName(slug) {
  const names = DATA.providers[slug].name;
  return names[lang] || names[DATA.languages[0].code];
}

// A copy button. With type "text/html" the clipboard gets the markup as rich content (a signature
// editor pastes it as a picture with its link) and, beside it, the same markup as plain text.
export function copyButton(getText, label, type) {
  const button = element("button", {type: "button", "class": "md-button dmm-copy"}, [label || strings.ui_copy]);
  const status = element("span", {"class": "dmm-status", role: "status", "aria-live": "polite"});
  button.addEventListener("click", () => {
    const done = () => { status.textContent = strings.ui_copied; };
    const failed = () => { status.textContent = strings.ui_copy_failed; };
    const text = getText();
    if (type === "text/html" && navigator.clipboard && window.ClipboardItem) {
      const item = new ClipboardItem({"text/html": new Blob([text], {type}), "text/plain": new Blob([text], {type: "text/plain"})});
      navigator.clipboard.write([item]).then(done, failed);
    } else if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(done, failed);
    } else {
      failed();
    }
  });
  return element("span", {"class": "dmm-copy-group"}, [button, status]);
}
