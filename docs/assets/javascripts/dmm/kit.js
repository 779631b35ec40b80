// The badge configurator on the kit page. Snippets are plain <a><img></a>: no script, no cookie,
// no tracker; width and height set. The badge options come from the generated data (badges.py).
import {DATA, copyButton, element, lang, prefixOf, providerName, siteRoot, strings} from "./page.js";
import {validSender} from "./sender.js";

function escapeAttribute(text) {
  return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

function choice(name, label, options) {
  const id = "dmm-kit-" + name;
  const select = element("select", {id, name, "class": "dmm-input"},
    options.map(([value, text]) => element("option", {value}, [text])));
  return {select, node: element("p", {}, [element("label", {"for": id}, [label]), select])};
}

function buildConfigurator(container) {
  const options = DATA.badgeOptions;
  const providerSlugs = Object.keys(DATA.providers).sort((a, b) => providerName(a).localeCompare(providerName(b), lang));
  const controls = {
    language: choice("language", strings.ui_kit_language, DATA.languages.map((language) => [language.code, language.name])),
    style: choice("style", strings.ui_kit_style, options.styles.map((value) => [value, strings["ui_kit_style_" + value]])),
    theme: choice("theme", strings.ui_kit_theme, options.themes.map((value) => [value, strings["ui_kit_theme_" + value]])),
    size: choice("size", strings.ui_kit_size, options.sizes.map((value) => [value, strings["ui_kit_size_" + value]])),
    link: choice("link", strings.ui_kit_link, [["home", strings.ui_kit_link_home], ["find", strings.ui_kit_link_find],
      ["provider", strings.ui_kit_link_provider]]),
    provider: choice("provider", strings.ui_kit_link_provider, providerSlugs.map((slug) => [slug, providerName(slug)]))
  };
  controls.language.select.value = lang;
  controls.size.select.value = options.defaultSize;
  controls.style.select.value = options.defaultStyle;
  const senderInput = element("input", {id: "dmm-kit-sender", type: "email", "class": "dmm-input", dir: "ltr", autocomplete: "off"});
  const preview = element("div", {"class": "dmm-kit-preview", "aria-live": "polite"});
  const snippets = {};
  const form = element("div", {"class": "dmm-kit-form"});
  const output = element("div", {"class": "dmm-kit-output"}, [element("h3", {}, [strings.ui_kit_preview]), preview]);

  function update() {
    const badgeLang = controls.language.select.value;
    const name = ["deliver-my-mail", badgeLang, controls.style.select.value, controls.theme.select.value,
                  controls.size.select.value].join("-");
    const size = DATA.badges[name];
    const base = siteRoot + "badges/" + name;
    let target = siteRoot + prefixOf(badgeLang) + {home: "", find: "find/",
      provider: "providers/" + controls.provider.select.value + "/"}[controls.link.select.value];
    const sender = validSender(senderInput.value);
    if (sender && controls.link.select.value !== "home") target += "?sender=" + encodeURIComponent(sender);
    controls.provider.node.hidden = controls.link.select.value !== "provider";
    const alt = DATA.strings[badgeLang].badge_label;
    const img = (src, extra) => '<img src="' + escapeAttribute(src) + '" width="' + size[0] + '" height="' + size[1] +
      '" alt="' + escapeAttribute(alt) + '"' + (extra || "") + ">";
    snippets.html.value = '<a href="' + escapeAttribute(target) + '">' + img(base + ".svg") + "</a>";
    snippets.markdown.value = "[![" + alt.replace(/[[\]]/g, "") + "](" + base + ".svg)](" + target + ")";
    snippets.bbcode.value = "[url=" + target + "][img]" + base + ".png[/img][/url]";
    snippets.signature.value = '<a href="' + escapeAttribute(target) + '">' + img(base + "@2x.png", ' style="border:0"') + "</a>";
    preview.textContent = "";
    preview.appendChild(element("a", {href: target}, [element("img", {src: base + ".svg", width: String(size[0]),
      height: String(size[1]), alt})]));
  }

  ["language", "style", "theme", "size", "link", "provider"].forEach((name) => {
    form.appendChild(controls[name].node);
    controls[name].select.addEventListener("change", update);
  });
  form.appendChild(element("p", {}, [element("label", {"for": "dmm-kit-sender"}, [strings.ui_kit_sender]), senderInput]));
  senderInput.addEventListener("input", update);
  [["html", strings.ui_kit_html], ["markdown", strings.ui_kit_markdown], ["bbcode", strings.ui_kit_bbcode],
   ["signature", strings.ui_kit_signature]].forEach(([kind, label]) => {
    const id = "dmm-kit-snippet-" + kind;
    snippets[kind] = element("textarea", {id, readonly: "", rows: "3", "class": "dmm-letter-text", dir: "ltr", "data-dmm-snippet": kind});
    output.appendChild(element("label", {"for": id}, [label]));
    output.appendChild(snippets[kind]);
    output.appendChild(element("p", {}, [copyButton(() => snippets[kind].value)]));
  });
  container.textContent = "";
  container.appendChild(form);
  container.appendChild(output);
  update();
}

export function startConfigurators() {
  document.querySelectorAll("[data-dmm-configurator]").forEach(buildConfigurator);
}
