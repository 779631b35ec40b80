// The 404 page: GitHub Pages serves one /404.html for every missing address, in every language, so
// the page's header and body hold a part per language (overrides/404.html, data-dmm-language).
// Here it keeps the parts of the language whose part of the site was asked for (/ar/... is
// Arabic), and sets the page's language and direction to match. Without JavaScript all show.
import {DATA, siteRoot} from "./page.js";

export function speakTheAskedLanguage() {
  const page = document.querySelector(".dmm-404");
  if (!page) return;
  const root = new URL(siteRoot).pathname;
  const path = window.location.pathname;
  const rest = path.startsWith(root) ? path.slice(root.length) : "";
  const language = DATA.languages.find((item) => item.prefix && rest.startsWith(item.prefix)) || DATA.languages[0];
  document.querySelectorAll("[data-dmm-language]").forEach((part) => {
    part.hidden = part.getAttribute("data-dmm-language") !== language.code;
  });
  document.documentElement.lang = language.code;
  document.documentElement.dir = language.direction;
  document.body.dir = language.direction;
}
