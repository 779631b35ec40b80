// Which provider an input names, as `dmm lookup` answers (lookup.py, lookup): an exact domain, or,
// for input that is no address at all, a provider's name. Only the finder loads this module and the
// table of names; tests/test_recipient_tools.py compares its answers with Python's. No DOM here.
import DATA from "../../generated/dmm-data.js";
import NAMES from "../../generated/dmm-names.js";
import {completeDomain, domainOf, hasHiddenCharacters, rules, suggest, trim} from "./lookup.js";

// "Ali <ali@outlook.com>", as mail programs write an address with its name (lookup.py, _NAMED_ADDRESS).
const NAMED_ADDRESS = /^[^<>]*<([^<>]*)>$/;

// A name as it is compared (lookup.py, name_key): Latin letters and digits, lowercase, and Arabic
// letters without marks, each spelling of one letter folded into one.
const MARKS = new RegExp("[" + rules.arabicMarks + "]", "g");
const FOLDED = new RegExp("[" + Object.keys(rules.arabicFolds).join("") + "]", "g");

export function nameKey(text) {
  return text.toLowerCase().replace(MARKS, "").replace(FOLDED, (letter) => rules.arabicFolds[letter])
    .replace(/[^0-9a-z\u0621-\u064A]/g, "");
}

function unwrap(text) {
  const found = NAMED_ADDRESS.exec(text);
  return found ? trim(found[1]) : text;
}

// The provider of an exact domain match, or, for input that is no address at all, of a
// provider's name ("Gmail", "hotmail"), from the names the data lists (lookup.provider_names).
export function lookup(raw) {
  const address = unwrap(trim(raw));
  const domain = domainOf(address);
  let provider = domain && Object.prototype.hasOwnProperty.call(DATA.domains, domain) ? DATA.domains[domain] : null;
  let suggestion = domain && !provider ? suggest(domain) : null;
  if (!domain) suggestion = completeDomain(address);
  if (!domain && address.indexOf("@") < 0 && address.length <= 64 && !hasHiddenCharacters(address)) {
    const key = nameKey(address);
    provider = Object.prototype.hasOwnProperty.call(NAMES, key) ? NAMES[key] : null;
  }
  return {address, domain, provider, suggestion};
}
