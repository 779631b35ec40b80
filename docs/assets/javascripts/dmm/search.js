// A touch to the theme's search: Arabic marks dropped from the query (the index holds Arabic
// without them, see delivermymail/search.py, which hands the same marks to the data). The search
// dialog's name is written into each page at build time (hooks/pages.py).
import {DATA} from "./page.js";

const ARABIC_MARKS = new RegExp("[" + DATA.rules.arabicMarks + "]", "g");

export function improveSearch() {
  document.addEventListener("input", (event) => {
    const target = event.target;
    if (target && target.classList && target.classList.contains("md-search__input") && ARABIC_MARKS.test(target.value)) {
      target.value = target.value.replace(ARABIC_MARKS, "");
    }
  }, true);
}
