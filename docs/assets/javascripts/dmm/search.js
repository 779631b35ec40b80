// Two touches to the theme's search: Arabic marks dropped from the query (the index holds Arabic
// without them, see delivermymail/search.py, which hands the same marks to the data), and a name
// for the search dialog, which screen readers would otherwise announce without one.
import {DATA, strings} from "./page.js";

const ARABIC_MARKS = new RegExp("[" + DATA.rules.arabicMarks + "]", "g");

export function improveSearch() {
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target && target.classList && target.classList.contains("md-search__input") && ARABIC_MARKS.test(target.value)) {
      target.value = target.value.replace(ARABIC_MARKS, "");
    }
  }, true);
  const dialog = document.querySelector(".md-search[role=dialog]");
  if (dialog && !dialog.hasAttribute("aria-label")) dialog.setAttribute("aria-label", strings.ui_search_label);
}
