/* Deliver My Mail browser tools: the provider finder, the personalised guide and the complaint
 * letter. Everything happens in this page: no address is sent anywhere. Text from the address
 * bar or the reader is only ever set with textContent or value, never as markup.
 * The domain table, limits and strings come from dmm-data.js, generated from data/. */
(function () {
  "use strict";
  var DATA = window.DMM_DATA;
  if (!DATA) return;

  var lang = document.documentElement.lang || DATA.languages[0].code;
  var strings = DATA.strings[lang] || DATA.strings[DATA.languages[0].code];
  var siteRoot = (function () {
    // This script lives at <site>/assets/javascripts/dmm.js: its own address gives the site root.
    var src = document.currentScript && document.currentScript.src;
    return src ? src.replace(/assets\/javascripts\/dmm\.js.*$/, "") : "/";
  })();

  // ---- Lookup: the same rules as scripts/delivermymail/lookup.py --------------------------
  // The patterns come from the generated data (names.py, textrules.py): one rule, two languages.
  var HOST_LABEL = new RegExp("^(?:" + DATA.rules.hostLabel + ")$");
  var TRIMMED = new RegExp("^[" + DATA.rules.trimmed + "]+|[" + DATA.rules.trimmed + "]+$", "g");
  var HIDDEN = new RegExp("[" + DATA.rules.hiddenCategories.map(function (category) {
    return "\\p{" + category + "}";
  }).join("") + "]", "u");

  function trim(value) {
    return String(value || "").replace(TRIMMED, "");
  }

  function isHostname(value) {
    if (value.length > 253 || value !== value.toLowerCase() || value.indexOf(".") < 0) return false;
    var labels = value.split(".");
    for (var i = 0; i < labels.length; i++) {
      if (!HOST_LABEL.test(labels[i])) return false;
    }
    return !/^[0-9]+$/.test(labels[labels.length - 1]);
  }

  function domainOf(raw) {
    var text = trim(raw).toLowerCase();
    if (!text || text.length > DATA.limits.maxInput || HIDDEN.test(text)) return null;
    var domain = text.slice(text.lastIndexOf("@") + 1).replace(/\.+$/, "");
    return isHostname(domain) ? domain : null;
  }

  function editDistance(a, b, limit) {
    // Optimal string alignment distance, capped at limit + 1 (as in lookup.py).
    if (Math.abs(a.length - b.length) > limit) return limit + 1;
    var before = null, previous = [], i, j;
    for (j = 0; j <= b.length; j++) previous.push(j);
    for (i = 1; i <= a.length; i++) {
      var current = [i];
      for (j = 1; j <= b.length; j++) {
        var cost = a.charAt(i - 1) === b.charAt(j - 1) ? 0 : 1;
        current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
        if (i > 1 && j > 1 && a.charAt(i - 1) === b.charAt(j - 2) && a.charAt(i - 2) === b.charAt(j - 1)) {
          current[j] = Math.min(current[j], before[j - 2] + 1);
        }
      }
      before = previous;
      previous = current;
    }
    return Math.min(previous[b.length], limit + 1);
  }

  function suggest(domain) {
    var known = Object.keys(DATA.domains).sort(), best = null;
    for (var i = 0; i < known.length; i++) {
      var limit = known[i].length < DATA.limits.shortDomain ? 1 : DATA.limits.maxTypoDistance;
      var distance = editDistance(domain, known[i], limit);
      if (distance <= limit && (best === null || distance < best[0])) best = [distance, known[i]];
    }
    return best ? best[1] : null;
  }

  function lookup(raw) {
    var address = trim(raw);
    var domain = domainOf(address);
    var provider = domain && Object.prototype.hasOwnProperty.call(DATA.domains, domain) ? DATA.domains[domain] : null;
    return {address: address, domain: domain, provider: provider,
            suggestion: domain && !provider ? suggest(domain) : null};
  }

  // ---- Small helpers ----------------------------------------------------------------------
  function fill(template, fields) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) {
      return Object.prototype.hasOwnProperty.call(fields, name) ? fields[name] : whole;
    });
  }

  // The same, as nodes: each filled-in value is an isolated <bdi>, so an address or a name
  // keeps its own direction inside a sentence of the other direction.
  function fillNodes(template, fields) {
    var nodes = [], position = 0, pattern = /\{(\w+)\}/g, match;
    while ((match = pattern.exec(template)) !== null) {
      if (!Object.prototype.hasOwnProperty.call(fields, match[1])) continue;
      nodes.push(template.slice(position, match.index));
      nodes.push(element("bdi", {}, [fields[match[1]]]));
      position = pattern.lastIndex;
    }
    nodes.push(template.slice(position));
    return nodes;
  }

  function element(tag, attributes, children) {
    var node = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function prefixOf(code) {
    for (var i = 0; i < DATA.languages.length; i++) if (DATA.languages[i].code === code) return DATA.languages[i].prefix;
    return "";
  }

  function guideUrl(slug, search) {
    return siteRoot + prefixOf(lang) + "providers/" + slug + "/" + (search || "");
  }

  function providerName(slug) {
    var names = DATA.providers[slug].name;
    return names[lang] || names[DATA.languages[0].code];
  }

  function copyButton(getText) {
    var button = element("button", {type: "button", "class": "md-button dmm-copy"}, [strings.ui_copy]);
    var status = element("span", {"class": "dmm-status", role: "status", "aria-live": "polite"});
    button.addEventListener("click", function () {
      var done = function () { status.textContent = strings.ui_copied; };
      var failed = function () { status.textContent = strings.ui_copy_failed; };
      if (navigator.clipboard && navigator.clipboard.writeText) {
        navigator.clipboard.writeText(getText()).then(done, failed);
      } else {
        failed();
      }
    });
    return element("span", {"class": "dmm-copy-group"}, [button, status]);
  }

  // ---- Finder -------------------------------------------------------------------------------
  var finderCount = 0;

  function renderAnswer(result, output, navigate) {
    output.textContent = "";
    if (!result.address) {
      output.appendChild(element("p", {}, [strings.ui_finder_empty]));
      return;
    }
    if (!result.domain) {
      output.appendChild(element("p", {}, [strings.ui_finder_invalid]));
      return;
    }
    if (result.provider) {
      var url = guideUrl(result.provider, preservedSearch());
      output.appendChild(element("p", {}, fillNodes(strings.ui_finder_found, {provider: providerName(result.provider)})));
      output.appendChild(element("p", {}, [element("a", {href: url},
        fillNodes(strings.ui_finder_open, {provider: providerName(result.provider)}))]));
      if (navigate) window.location.assign(url);
      return;
    }
    if (result.suggestion) {
      var suggested = DATA.domains[result.suggestion];
      output.appendChild(element("p", {}, [element("a", {href: guideUrl(suggested, preservedSearch()), "data-dmm-suggestion": result.suggestion},
        fillNodes(strings.ui_finder_suggest, {domain: result.suggestion}))]));
    }
    output.appendChild(element("p", {}, fillNodes(strings.ui_finder_unknown, {domain: result.domain})));
    var list = element("ul", {}, [element("li", {}, [element("a", {href: siteRoot + prefixOf(lang) + "recipients/"},
      [strings.ui_finder_general])])]);
    var workplace = Object.keys(DATA.providers).filter(function (slug) {
      return DATA.providers[slug].kind === "workplace-filter";
    });
    output.appendChild(list);
    if (workplace.length) {
      output.appendChild(element("p", {}, [strings.ui_finder_workplace]));
      output.appendChild(element("ul", {}, workplace.map(function (slug) {
        return element("li", {}, [element("a", {href: guideUrl(slug, preservedSearch())}, [providerName(slug)])]);
      })));
    }
  }

  function buildFinder(container) {
    finderCount += 1;
    var id = "dmm-finder-" + finderCount;
    var input = element("input", {id: id, type: "text", inputmode: "email", autocomplete: "email",
      spellcheck: "false", autocapitalize: "off", dir: "ltr", "aria-describedby": id + "-hint",
      "class": "dmm-input", name: "address"});
    var output = element("div", {"class": "dmm-answer", "aria-live": "polite", id: id + "-answer"});
    var form = element("form", {"class": "dmm-finder-form", role: "search", action: "#", novalidate: ""}, [
      element("label", {"for": id}, [strings.ui_finder_label]),
      element("div", {"class": "dmm-row"}, [input,
        element("button", {type: "submit", "class": "md-button md-button--primary"}, [strings.ui_finder_button])]),
      element("p", {"class": "dmm-hint", id: id + "-hint"}, [strings.ui_finder_hint]),
      output
    ]);
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      renderAnswer(lookup(input.value), output, true);
    });
    container.textContent = "";
    container.appendChild(form);
    return {input: input, output: output};
  }

  // /find/#someone@example.com : the address stays after '#', so it never reaches a server.
  function handleHash(finder) {
    var raw = "";
    try { raw = decodeURIComponent(window.location.hash.slice(1)); } catch (error) { raw = window.location.hash.slice(1); }
    if (!raw) return;
    finder.input.value = raw;
    renderAnswer(lookup(raw), finder.output, true);
  }

  // ---- Personalised guide: ?sender=news@shop.example&name=Shop ---------------------------
  var params = new URLSearchParams(window.location.search);
  var EMAIL = /^[^\s@<>()\[\],;:"\\]{1,64}@([^\s@]+)$/;

  function validSender(value) {
    // An address with an invisible character is refused, not cleaned: U+202E can make
    // "moc.lapyap@troppus.ai" look like "ia.support@paypal.com".
    var text = trim(value);
    if (HIDDEN.test(text)) return null;
    var match = EMAIL.exec(text);
    return match && text.length <= 254 && isHostname(match[1].toLowerCase()) ? text : null;
  }

  function cleanName(value) {
    // Shown as text only. A name with an invisible character is not shown at all (it could
    // reorder what the reader sees); a long one is cut.
    var text = trim(value);
    return HIDDEN.test(text) ? "" : text.slice(0, 80);
  }

  var rawSender = params.get("sender");
  var sender = validSender(rawSender);
  var senderName = cleanName(params.get("name"));

  function preservedSearch() {
    // Only the two parameters we understand travel on, re-encoded.
    var kept = new URLSearchParams();
    if (sender) kept.set("sender", sender);
    if (senderName) kept.set("name", senderName);
    var text = kept.toString();
    return text ? "?" + text : "";
  }

  function addressBlock(intro) {
    return element("div", {"class": "admonition info dmm-address"}, [
      element("p", {}, intro),
      element("p", {}, [element("code", {"class": "dmm-sender-address", dir: "ltr"}, [sender]), " ",
        copyButton(function () { return sender; })])
    ]);
  }

  function personalise() {
    var top = document.querySelector("[data-dmm-sender]");
    var add = document.querySelector("[data-dmm-sender-add]");
    if (!top) return;
    if (rawSender && !sender) {
      top.appendChild(element("p", {"class": "dmm-note"}, [strings.ui_sender_invalid]));
      top.hidden = false;
    } else if (sender) {
      top.appendChild(addressBlock(senderName ? fillNodes(strings.ui_sender_from, {name: senderName}) : [strings.ui_sender_from_unnamed]));
      top.hidden = false;
      if (add) {
        add.appendChild(addressBlock([strings.ui_sender_add]));
        add.hidden = false;
      }
    }
  }

  function carryParameters() {
    // Keep ?sender and ?name on the language switcher and on links to other guides.
    var search = preservedSearch();
    if (!search) return;
    var links = document.querySelectorAll(".md-select__link[hreflang], .md-content a[href]");
    Array.prototype.forEach.call(links, function (link) {
      var url = new URL(link.getAttribute("href"), window.location.href);
      if (url.origin !== window.location.origin || url.search) return;
      if (!/\/providers\/[a-z0-9-]+\/$/.test(url.pathname) && !link.hasAttribute("hreflang")) return;
      url.search = search;
      link.setAttribute("href", url.pathname + url.search + url.hash);
      if (link.hasAttribute("hreflang")) {
        // Material's switcher looks the page up in the other language's sitemap and drops the
        // query; stopping the click here lets the browser follow this link, parameters included.
        link.addEventListener("click", function (event) { event.stopPropagation(); });
      }
    });
  }

  // ---- Complaint letter -------------------------------------------------------------------
  function buildLetter(container) {
    var slug = container.getAttribute("data-dmm-letter");
    if (!DATA.providers[slug]) return;
    var fields = {};
    var form = element("div", {"class": "dmm-letter-form"});
    [["sender", strings.ui_letter_sender, "email"], ["expected", strings.ui_letter_expected, "text"],
     ["since", strings.ui_letter_since, "text"]].forEach(function (spec) {
      var id = "dmm-letter-" + spec[0];
      fields[spec[0]] = element("input", {id: id, type: spec[2], "class": "dmm-input", autocomplete: "off",
        dir: spec[0] === "sender" ? "ltr" : "auto"});
      form.appendChild(element("label", {"for": id}, [spec[1]]));
      form.appendChild(fields[spec[0]]);
    });
    if (sender) fields.sender.value = sender;
    var letter = element("textarea", {id: "dmm-letter-text", rows: "12", "class": "dmm-letter-text",
      "aria-label": strings.ui_letter_copy, dir: "auto"});
    function compose() {
      var values = {
        sender: fields.sender.value.trim() || strings.letter_blank_sender,
        expected: fields.expected.value.trim() || strings.letter_blank_expected,
        since: fields.since.value.trim() || strings.letter_blank_since
      };
      letter.value = fill(strings.letter_subject, values) + "\n\n" + fill(strings.letter_body, values);
    }
    Object.keys(fields).forEach(function (name) { fields[name].addEventListener("input", compose); });
    compose();
    form.appendChild(letter);
    var copy = copyButton(function () { return letter.value; });
    copy.firstChild.textContent = strings.ui_letter_copy;
    form.appendChild(element("p", {}, [copy]));
    var channel = document.querySelector("a.dmm-channel");
    if (channel) {
      form.appendChild(element("p", {}, [fill(strings.ui_letter_channel, {channel: ""}),
        element("a", {href: channel.getAttribute("href"), rel: "noopener"}, [channel.textContent])]));
    }
    container.textContent = "";
    container.appendChild(form);
  }

  // ---- Badge configurator ------------------------------------------------------------------
  // Snippets are plain <a><img></a>: no script, no cookie, no tracker; width and height set.
  function escapeAttribute(text) {
    return String(text).replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  }

  function choice(name, label, options) {
    var id = "dmm-kit-" + name;
    var select = element("select", {id: id, name: name, "class": "dmm-input"}, options.map(function (option) {
      return element("option", {value: option[0]}, [option[1]]);
    }));
    return {select: select, node: element("p", {}, [element("label", {"for": id}, [label]), select])};
  }

  function buildConfigurator(container) {
    var providerSlugs = Object.keys(DATA.providers).sort(function (a, b) {
      return providerName(a).localeCompare(providerName(b), lang);
    });
    var controls = {
      language: choice("language", strings.ui_kit_language, DATA.languages.map(function (l) { return [l.code, l.name]; })),
      style: choice("style", strings.ui_kit_style, ["compact", "pill", "card"].map(function (v) { return [v, strings["ui_kit_style_" + v]]; })),
      theme: choice("theme", strings.ui_kit_theme, ["light", "dark"].map(function (v) { return [v, strings["ui_kit_theme_" + v]]; })),
      size: choice("size", strings.ui_kit_size, ["sm", "md", "lg"].map(function (v) { return [v, strings["ui_kit_size_" + v]]; })),
      link: choice("link", strings.ui_kit_link, [["home", strings.ui_kit_link_home], ["find", strings.ui_kit_link_find],
        ["provider", strings.ui_kit_link_provider]]),
      provider: choice("provider", strings.ui_kit_link_provider, providerSlugs.map(function (slug) { return [slug, providerName(slug)]; }))
    };
    controls.language.select.value = lang;
    controls.size.select.value = "md";
    controls.style.select.value = "pill";
    var senderInput = element("input", {id: "dmm-kit-sender", type: "email", "class": "dmm-input", dir: "ltr", autocomplete: "off"});
    var preview = element("div", {"class": "dmm-kit-preview", "aria-live": "polite"});
    var snippets = {};
    var form = element("div", {"class": "dmm-kit-form"});
    ["language", "style", "theme", "size", "link", "provider"].forEach(function (name) {
      form.appendChild(controls[name].node);
      controls[name].select.addEventListener("change", update);
    });
    form.appendChild(element("p", {}, [element("label", {"for": "dmm-kit-sender"}, [strings.ui_kit_sender]), senderInput]));
    senderInput.addEventListener("input", update);
    var output = element("div", {"class": "dmm-kit-output"}, [element("h3", {}, [strings.ui_kit_preview]), preview]);
    [["html", strings.ui_kit_html], ["markdown", strings.ui_kit_markdown], ["bbcode", strings.ui_kit_bbcode],
     ["signature", strings.ui_kit_signature]].forEach(function (spec) {
      var id = "dmm-kit-snippet-" + spec[0];
      snippets[spec[0]] = element("textarea", {id: id, readonly: "", rows: "3", "class": "dmm-letter-text", dir: "ltr",
        "data-dmm-snippet": spec[0]});
      output.appendChild(element("label", {"for": id}, [spec[1]]));
      output.appendChild(snippets[spec[0]]);
      output.appendChild(element("p", {}, [copyButton(function () { return snippets[spec[0]].value; })]));
    });

    function update() {
      var badgeLang = controls.language.select.value;
      var name = ["deliver-my-mail", badgeLang, controls.style.select.value, controls.theme.select.value,
                  controls.size.select.value].join("-");
      var size = DATA.badges[name];
      var base = siteRoot + "badges/" + name;
      var target = siteRoot + prefixOf(badgeLang) + {home: "", find: "find/",
        provider: "providers/" + controls.provider.select.value + "/"}[controls.link.select.value];
      var sender = validSender(senderInput.value);
      if (sender && controls.link.select.value !== "home") target += "?sender=" + encodeURIComponent(sender);
      controls.provider.node.hidden = controls.link.select.value !== "provider";
      var alt = DATA.strings[badgeLang].badge_label;
      var img = function (src, extra) {
        return '<img src="' + escapeAttribute(src) + '" width="' + size[0] + '" height="' + size[1] + '" alt="' +
          escapeAttribute(alt) + '"' + (extra || "") + ">";
      };
      snippets.html.value = '<a href="' + escapeAttribute(target) + '">' + img(base + ".svg") + "</a>";
      snippets.markdown.value = "[![" + alt.replace(/[\[\]]/g, "") + "](" + base + ".svg)](" + target + ")";
      snippets.bbcode.value = "[url=" + target + "][img]" + base + ".png[/img][/url]";
      snippets.signature.value = '<a href="' + escapeAttribute(target) + '">' + img(base + "@2x.png", ' style="border:0"') + "</a>";
      preview.textContent = "";
      preview.appendChild(element("a", {href: target}, [element("img", {src: base + ".svg", width: String(size[0]),
        height: String(size[1]), alt: alt})]));
    }
    container.textContent = "";
    container.appendChild(form);
    container.appendChild(output);
    update();
  }

  // ---- Search: Arabic marks ------------------------------------------------------------------
  // The search index holds Arabic text without short vowels and tatweel (delivermymail/search.py
  // removes them); the query loses the same marks before Material's search reads it.
  var ARABIC_MARKS = new RegExp("[" + DATA.rules.arabicMarks + "]", "g");
  document.addEventListener("input", function (event) {
    var target = event.target;
    if (target && target.classList && target.classList.contains("md-search__input") && ARABIC_MARKS.test(target.value)) {
      target.value = target.value.replace(ARABIC_MARKS, "");
    }
  }, true);

  // Material's search panel is a dialog without a name; screen readers announce it by this one.
  var searchDialog = document.querySelector(".md-search[role=dialog]");
  if (searchDialog && !searchDialog.hasAttribute("aria-label")) searchDialog.setAttribute("aria-label", strings.ui_search_label);

  // ---- Start --------------------------------------------------------------------------------
  window.DMM = {lookup: lookup};   // for the tests that compare the browser with the command line
  var finders = document.querySelectorAll("[data-dmm-finder]");
  var first = null;
  Array.prototype.forEach.call(finders, function (container) {
    var finder = buildFinder(container);
    first = first || finder;
  });
  if (first && document.querySelector("[data-dmm-find-page]")) {
    handleHash(first);
    window.addEventListener("hashchange", function () { handleHash(first); });
  }
  personalise();
  carryParameters();
  var letters = document.querySelectorAll("[data-dmm-letter]");
  Array.prototype.forEach.call(letters, buildLetter);
  Array.prototype.forEach.call(document.querySelectorAll("[data-dmm-configurator]"), buildConfigurator);
})();
