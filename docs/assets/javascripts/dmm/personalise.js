// A guide personalised with ?sender=…&name=…: the sender's address to copy and allow. The link
// was made by whoever sent it; the page states what it asks and never vouches for the sender.
import {domainOf, lookalike} from "./lookup.js";
import {copyButton, element, fillNodes, strings} from "./page.js";
import {preservedSearch, rawSender, sender, senderName} from "./sender.js";

// The address large, its domain marked: the domain is what the reader should recognise.
function addressBlock(intro, caution) {
  const at = sender.lastIndexOf("@");
  const domain = domainOf(sender);
  const block = element("div", {"class": "admonition info dmm-address"}, [
    element("p", {}, intro),
    element("p", {}, [element("code", {"class": "dmm-sender-address", dir: "ltr"},
      [sender.slice(0, at + 1), element("mark", {"class": "dmm-sender-domain"}, [sender.slice(at + 1)])]), " ",
      copyButton(() => sender)])
  ]);
  if (caution) {
    block.appendChild(element("p", {"class": "dmm-caution"}, fillNodes(strings.ui_sender_caution, {domain})));
    const known = lookalike(domain);
    if (known) {
      block.className = "admonition warning dmm-address";
      block.appendChild(element("p", {"class": "dmm-lookalike", role: "alert"},
        fillNodes(strings.ui_sender_lookalike, {domain, known})));
    }
  }
  return block;
}

function showSender() {
  const top = document.querySelector("[data-dmm-sender]");
  const add = document.querySelector("[data-dmm-sender-add]");
  if (!top) return;
  if (rawSender && !sender) {
    top.appendChild(element("p", {"class": "dmm-note"}, [strings.ui_sender_invalid]));
    top.hidden = false;
  } else if (sender) {
    top.appendChild(addressBlock(senderName ? fillNodes(strings.ui_sender_from, {name: senderName}) : [strings.ui_sender_from_unnamed], true));
    top.hidden = false;
    if (add) {
      add.appendChild(addressBlock([strings.ui_sender_add], false));
      add.hidden = false;
    }
  }
}

// Keep ?sender and ?name on the language switcher and on links to other guides.
function carryParameters() {
  const search = preservedSearch();
  if (!search) return;
  document.querySelectorAll(".md-select__link[hreflang], .md-content a[href]").forEach((link) => {
    const url = new URL(link.getAttribute("href"), window.location.href);
    if (url.origin !== window.location.origin || url.search) return;
    if (!/\/providers\/[a-z0-9-]+\/$/.test(url.pathname) && !link.hasAttribute("hreflang")) return;
    url.search = search;
    link.setAttribute("href", url.pathname + url.search + url.hash);
    if (link.hasAttribute("hreflang")) {
      // Material's switcher looks the page up in the other language's sitemap and drops the
      // query; stopping the click here lets the browser follow this link, parameters included.
      link.addEventListener("click", (event) => event.stopPropagation());
    }
  });
}

export function personalise() {
  showSender();
  carryParameters();
}
