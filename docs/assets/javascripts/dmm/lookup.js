// The rules of an address, as scripts/delivermymail/lookup.py applies them: its domain, the known
// domain a typo meant, a lookalike of a known domain. The patterns and limits come from the generated
// data (names.py, textrules.py, lookup.py), so the browser and `dmm lookup` answer alike. No DOM here.
// Which provider an input names is find.js's (the finder's alone).
import DATA from "../../generated/dmm-data.js";

export const rules = DATA.rules;
const HOST_LABEL = new RegExp("^(?:" + rules.hostLabel + ")$");
const TRIMMED = new RegExp("^[" + rules.trimmed + "]+|[" + rules.trimmed + "]+$", "g");
const HIDDEN = new RegExp("[" + rules.hiddenCategories.map((category) => "\\p{" + category + "}").join("") + "]", "u");

export function trim(value) {
  return String(value || "").replace(TRIMMED, "");
}

// Control and format characters (U+202E and friends) can make one address look like another.
export function hasHiddenCharacters(text) {
  return HIDDEN.test(text);
}

export function isHostname(value) {
  if (value.length > 253 || value !== value.toLowerCase() || value.indexOf(".") < 0) return false;
  const labels = value.split(".");
  return labels.every((label) => HOST_LABEL.test(label)) && !/^[0-9]+$/.test(labels[labels.length - 1]);
}

// ASCII that may not stand in a domain name, and hyphens idna refuses but the URL parser does not:
// refused before an internationalised name is converted (lookup.NOT_DOMAIN_ASCII, lookup.BAD_HYPHENS).
const NOT_DOMAIN_ASCII = new RegExp(rules.notDomainAscii);
const BAD_HYPHENS = new RegExp(rules.badHyphens);

// An internationalised domain (bücher.de, مثال.مصر) in its ASCII form (xn--…): the browser's own
// URL parser converts it (UTS 46, non-transitional), as lookup.ascii_domain does with idna.
export function asciiDomain(domain) {
  if (/^[\x00-\x7f]*$/.test(domain)) return domain;
  if (NOT_DOMAIN_ASCII.test(domain) || domain.split(".").some((label) => BAD_HYPHENS.test(label))) return null;
  try {
    return new URL("http://" + domain + "/").hostname;
  } catch (error) {
    return null;
  }
}

// The domain as written: what follows the last @, lowercase, without trailing dots.
export function writtenDomain(raw) {
  const text = trim(raw).toLowerCase();
  return text.slice(text.lastIndexOf("@") + 1).replace(/\.+$/, "");
}

export function domainOf(raw) {
  const text = trim(raw).toLowerCase();
  if (!text || text.length > DATA.limits.maxInput || hasHiddenCharacters(text)) return null;
  const domain = asciiDomain(writtenDomain(text));
  return domain && isHostname(domain) ? domain : null;
}

// "x@gmail": a known domain that starts with that name, the .com one, else the shortest (lookup.complete_domain).
export function completeDomain(raw) {
  const text = trim(raw).toLowerCase();
  if (text.indexOf("@") < 0 || hasHiddenCharacters(text)) return null;
  const label = writtenDomain(text);
  if (!HOST_LABEL.test(label)) return null;
  const rank = (domain) => [domain.endsWith(".com") ? 0 : 1, domain.length];
  const candidates = Object.keys(DATA.domains).filter((domain) => domain.split(".")[0] === label).sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || (a < b ? -1 : a > b ? 1 : 0);
  });
  return candidates.length ? candidates[0] : null;
}

// Optimal string alignment distance, capped at limit + 1 (as in lookup.py).
export function editDistance(a, b, limit) {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before = null;
  let previous = Array.from({length: b.length + 1}, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        current[j] = Math.min(current[j], before[j - 2] + 1);
      }
    }
    before = previous;
    previous = current;
  }
  return Math.min(previous[b.length], limit + 1);
}

// The known domain a typo most likely meant; never a mapping: the reader decides.
export function suggest(domain) {
  let best = null;
  for (const known of Object.keys(DATA.domains).sort()) {
    const limit = known.length < DATA.limits.shortDomain ? 1 : DATA.limits.maxTypoDistance;
    const distance = editDistance(domain, known, limit);
    if (distance <= limit && (best === null || distance < best[0])) best = [distance, known];
  }
  return best ? best[1] : null;
}

// The well-known domain a sender's domain imitates, or null: a near miss of a known domain
// (gmai1.com), or a mailbox provider's name inside another domain (gmail-support.example).
export function lookalike(domain) {
  if (!domain || Object.prototype.hasOwnProperty.call(DATA.domains, domain)) return null;
  const near = suggest(domain);
  if (near) return near;
  const letters = domain.replace(/[^a-z0-9]/g, "");
  const brand = Object.keys(DATA.brands).sort().find((name) => letters.includes(name));
  return brand ? DATA.brands[brand] : null;
}
