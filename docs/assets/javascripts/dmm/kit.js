// The campaign kit: the link builder, the ready texts and the badge configurator. The business types
// its sending address and name once; every link, text and snippet on the page carries them. Links
// are made only from the site's published address (KIT.publicUrl): a build without one says so
// instead of handing out links no customer could open. Nothing typed here leaves the page.
import KIT from "../../generated/dmm-kit.js";
import {DATA, choice, copyButton, element, fill, fillNodes, lang, prefixOf, providerName, siteRoot, strings as pageStrings} from "./page.js";
import {cleanName, personalLink, validSender} from "./sender.js";

const strings = Object.assign({}, pageStrings, KIT.strings[lang]);

const CUSTOMER = "CUSTOMER@EXAMPLE.COM";
const listeners = [];
const state = {addresses: [], invalid: [], name: "", language: lang, provider: ""};

function changed() {
  listeners.forEach((listener) => listener());
}

// The published page for one language and path, with the business's first address and its name.
function kitLink(path, language) {
  return personalLink(KIT.publicUrl + prefixOf(language || state.language) + path, state.addresses[0], state.name);
}

function finderLink(language) {
  return kitLink("find/", language);
}

function noPublicAddress() {
  return element("p", {"class": "admonition warning dmm-no-public"}, fillNodes(strings.ui_builder_no_public, {url: siteRoot}));
}

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function textField(id, label, attributes) {
  const input = element("input", Object.assign({id, type: "text", "class": "dmm-input", autocomplete: "off"}, attributes));
  return {input, node: element("p", {}, [element("label", {"for": id}, [label]), input])};
}

// One output: a label, a read-only field that holds it whole, and a copy button.
function output(id, label) {
  const field = element("textarea", {id, readonly: "", rows: "2", "class": "dmm-letter-text", dir: "ltr"});
  const node = element("div", {"class": "dmm-output"}, [element("label", {"for": id}, [label]), field,
    element("p", {}, [copyButton(() => field.value)])]);
  return {field, node};
}

function sortedProviders() {
  return Object.keys(DATA.providers).sort((a, b) => providerName(a).localeCompare(providerName(b), lang));
}

// --- The link builder -----------------------------------------------------------------------

function buildLinkBuilder(container) {
  const addresses = textField("dmm-builder-addresses", strings.ui_builder_addresses,
    {type: "email", multiple: "", dir: "ltr", inputmode: "email", placeholder: "support@your-shop.example"});
  const name = textField("dmm-builder-name", strings.ui_builder_name, {dir: "auto", maxlength: "80"});
  const language = choice("dmm-builder-language", strings.ui_builder_language, DATA.languages.map((item) => [item.code, item.name]), lang);
  const provider = choice("dmm-builder-provider", strings.ui_builder_provider,
    [["", strings.ui_builder_provider_none], ...sortedProviders().map((slug) => [slug, providerName(slug)])]);
  const form = element("div", {"class": "dmm-kit-form"}, [addresses.node, name.node, language.node, provider.node]);
  const status = element("div", {"class": "dmm-builder-status", "aria-live": "polite"});
  const finder = output("dmm-builder-finder", strings.ui_builder_finder);
  const hash = output("dmm-builder-hash", strings.ui_builder_hash);
  const guide = output("dmm-builder-guide", "");
  const qr = element("div", {"class": "dmm-builder-qr"});
  const results = element("div", {"class": "dmm-builder-results"}, [finder.node, hash.node,
    element("p", {"class": "dmm-hint"}, [strings.ui_builder_merge]), guide.node, qr]);

  function read() {
    const parts = addresses.input.value.split(/[,;\s]+/).filter(Boolean);
    state.addresses = [];
    state.invalid = [];
    parts.forEach((part) => {
      const valid = validSender(part);
      if (valid && !state.addresses.includes(valid)) state.addresses.push(valid);
      else if (!valid) state.invalid.push(part.slice(0, 80));
    });
    state.name = cleanName(name.input.value);     // as the guide will read it (sender.js)
    state.language = language.select.value;
    state.provider = provider.select.value;
    changed();
  }

  function render() {
    status.textContent = "";
    if (state.invalid.length) {
      status.appendChild(element("p", {"class": "dmm-note"}, fillNodes(strings.ui_builder_invalid, {addresses: state.invalid.join(", ")})));
    }
    results.hidden = !state.addresses.length;
    if (!state.addresses.length) {
      status.appendChild(element("p", {}, [strings.ui_builder_empty]));
      return;
    }
    finder.field.value = finderLink();
    hash.field.value = finderLink() + "#" + CUSTOMER;
    guide.node.hidden = !state.provider;
    if (state.provider) {
      guide.node.querySelector("label").textContent = fill(strings.ui_builder_guide, {provider: providerName(state.provider)});
      guide.field.value = kitLink("providers/" + state.provider + "/");
    }
    showQr(qr, finder.field.value);
  }

  [addresses.input, name.input].forEach((input) => input.addEventListener("input", read));
  [language.select, provider.select].forEach((select) => select.addEventListener("change", read));
  container.textContent = "";
  container.appendChild(form);
  if (!KIT.publicUrl) {
    container.appendChild(noPublicAddress());
    return;
  }
  listeners.push(render);
  container.appendChild(status);
  container.appendChild(results);
  read();
}

// The QR code is drawn in the page by qr.js (our own encoder), loaded when first needed.
let qrFile = null;

function showQr(holder, link) {
  import("./qr.js").then(({qrSvg}) => {
    const svg = qrSvg(link, strings.ui_builder_qr, document);
    if (qrFile) URL.revokeObjectURL(qrFile);
    qrFile = URL.createObjectURL(new Blob([new XMLSerializer().serializeToString(svg)], {type: "image/svg+xml"}));
    const download = element("a", {href: qrFile, download: "deliver-my-mail-qr.svg"}, [strings.ui_builder_qr_download]);
    holder.textContent = "";
    holder.appendChild(element("p", {"class": "dmm-builder-qr-label"}, [strings.ui_builder_qr]));
    holder.appendChild(svg);
    holder.appendChild(element("p", {}, [download]));
  });
}

// --- The ready texts: the page's own text, filled in, copied as plain text or HTML -------------

// The text as a person pastes it into a plain-text e-mail: paragraphs, and each link written out.
function plainText(node) {
  const blocks = Array.from(node.querySelectorAll("p, li"));
  return (blocks.length ? blocks : [node]).map((block) => Array.from(block.childNodes, (child) => {
    if (child.nodeName === "A") return child.textContent + " (" + child.getAttribute("href") + ")";
    return child.textContent;
  }).join("").replace(/\s+/g, " ").trim()).join("\n\n");
}

// The text as HTML for an e-mail: the page's markup without the page's own attributes.
function htmlOf(block) {
  const copy = block.cloneNode(true);
  copy.querySelectorAll("[data-dmm-fill]").forEach((slot) => slot.replaceWith(...slot.childNodes));
  return copy.innerHTML.trim();
}

function listOf(items) {
  return new Intl.ListFormat(lang, {type: "conjunction"}).format(items);
}

function startReadyTexts() {
  const blocks = Array.from(document.querySelectorAll("[data-dmm-ready]"));
  if (!blocks.length || !KIT.publicUrl) return;
  blocks.forEach((block) => {
    const original = block.cloneNode(true);
    const buttons = element("p", {"class": "dmm-ready-copy"}, [copyButton(() => plainText(block), strings.ui_ready_plain), " ",
      copyButton(() => htmlOf(block), strings.ui_ready_html)]);
    block.after(buttons);
    listeners.push(() => {
      const filled = original.cloneNode(true);
      // Values are set as text: a name such as "<b>" stays the four characters it is.
      filled.querySelectorAll("[data-dmm-fill]").forEach((slot) => {
        const value = slot.getAttribute("data-dmm-fill") === "address" ? (state.addresses.length ? listOf(state.addresses) : "")
          : state.name;
        if (!value) return;
        slot.replaceChildren(element("bdi", slot.getAttribute("data-dmm-fill") === "address" ? {dir: "ltr"} : {}, [value]));
      });
      filled.querySelectorAll("a[href]").forEach((link) => link.setAttribute("href", finderLink(lang)));
      block.replaceChildren(...filled.childNodes);
    });
  });
}

// --- The badge configurator -------------------------------------------------------------------

function buildConfigurator(container) {
  const options = KIT.badgeOptions;
  const controls = {
    language: choice("dmm-kit-language", strings.ui_kit_language, DATA.languages.map((language) => [language.code, language.name]), lang),
    style: choice("dmm-kit-style", strings.ui_kit_style, options.styles.map((value) => [value, strings["ui_kit_style_" + value]]),
      options.defaultStyle),
    theme: choice("dmm-kit-theme", strings.ui_kit_theme, options.themes.map((value) => [value, strings["ui_kit_theme_" + value]])),
    size: choice("dmm-kit-size", strings.ui_kit_size, options.sizes.map((value) => [value, strings["ui_kit_size_" + value]]),
      options.defaultSize),
    link: choice("dmm-kit-link", strings.ui_kit_link, [["home", strings.ui_kit_link_home], ["find", strings.ui_kit_link_find],
      ["provider", strings.ui_kit_link_provider]]),
    provider: choice("dmm-kit-provider", strings.ui_kit_link_provider, sortedProviders().map((slug) => [slug, providerName(slug)]))
  };
  const preview = element("div", {"class": "dmm-kit-preview", "aria-live": "polite"});
  const snippets = {};
  const form = element("div", {"class": "dmm-kit-form"});
  const outputs = element("div", {"class": "dmm-kit-output"}, [element("h3", {}, [strings.ui_kit_preview]), preview]);
  let badgeHtml = "";

  function update() {
    const badgeLang = controls.language.select.value;
    const name = ["deliver-my-mail", badgeLang, controls.style.select.value, controls.theme.select.value,
                  controls.size.select.value].join("-");
    const size = KIT.badges[name];
    const alt = KIT.strings[badgeLang].badge_label;
    controls.provider.node.hidden = controls.link.select.value !== "provider";
    // The preview shows this copy's own file; the snippets name the published one.
    preview.textContent = "";
    preview.appendChild(element("img", {src: siteRoot + "badges/" + name + ".svg", width: String(size[0]), height: String(size[1]), alt}));
    if (!KIT.publicUrl) return;
    const link = controls.link.select.value;
    const target = link === "home" ? KIT.publicUrl + prefixOf(badgeLang)
      : kitLink(link === "find" ? "find/" : "providers/" + controls.provider.select.value + "/", badgeLang);
    const base = KIT.publicUrl + "badges/" + name;
    const img = (src, extra) => '<img src="' + escapeAttribute(src) + '" width="' + size[0] + '" height="' + size[1] +
      '" alt="' + escapeAttribute(alt) + '"' + (extra || "") + ">";
    snippets.html.value = '<a href="' + escapeAttribute(target) + '">' + img(base + ".svg") + "</a>";
    snippets.markdown.value = "[![" + alt.replace(/[[\]]/g, "") + "](" + base + ".svg)](" + target + ")";
    snippets.bbcode.value = "[url=" + target + "][img]" + base + ".png[/img][/url]";
    badgeHtml = '<a href="' + escapeAttribute(target) + '">' + img(base + "@2x.png", ' style="border:0"') + "</a>";
    snippets.email.value = badgeHtml;
  }

  ["language", "style", "theme", "size", "link", "provider"].forEach((name) => {
    form.appendChild(controls[name].node);
    controls[name].select.addEventListener("change", update);
  });
  container.textContent = "";
  container.appendChild(form);
  container.appendChild(outputs);
  if (KIT.publicUrl) {
    // For a signature editor: the badge as a picture with its link, which editors accept pasted.
    outputs.appendChild(element("p", {}, [copyButton(() => badgeHtml, strings.ui_kit_badge_copy, "text/html")]));
    [["html", strings.ui_kit_html], ["markdown", strings.ui_kit_markdown], ["bbcode", strings.ui_kit_bbcode],
     ["email", strings.ui_kit_email]].forEach(([kind, label]) => {
      const id = "dmm-kit-snippet-" + kind;
      snippets[kind] = element("textarea", {id, readonly: "", rows: "3", "class": "dmm-letter-text", dir: "ltr", "data-dmm-snippet": kind});
      outputs.appendChild(element("label", {"for": id}, [label]));
      outputs.appendChild(snippets[kind]);
      outputs.appendChild(element("p", {}, [copyButton(() => snippets[kind].value)]));
    });
    listeners.push(update);
  } else {
    outputs.appendChild(noPublicAddress());
  }
  update();
}

export function startConfigurators() {
  document.querySelectorAll("[data-dmm-configurator]").forEach(buildConfigurator);
  startReadyTexts();
  document.querySelectorAll("[data-dmm-link-builder]").forEach(buildLinkBuilder);
  changed();
}
