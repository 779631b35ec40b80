// A guide personalised with ?sender=…&name=…: the sender's address to copy and allow. The link
// was made by whoever sent it; the page states what it asks and never vouches for the sender.
import {copyButton, element, fillNodes, strings} from "./page.js";
import {preservedSearch, rawSender, sender, senderName} from "./sender.js";

function addressBlock(intro) {
  return element("div", {"class": "admonition info dmm-address"}, [
    element("p", {}, intro),
    element("p", {}, [element("code", {"class": "dmm-sender-address", dir: "ltr"}, [sender]), " ",
      copyButton(() => sender)])
  ]);
}

function showSender() {
  const top = document.querySelector("[data-dmm-sender]");
  const add = document.querySelector("[data-dmm-sender-add]");
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
