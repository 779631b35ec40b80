// The sender named in a personalised link (?sender=news@shop.example&name=Shop), checked once.
// An address or a name with an invisible character is refused, not cleaned: U+202E can make
// "moc.lapyap@troppus.ai" look like "ia.support@paypal.com".
import {hasHiddenCharacters, isHostname, trim} from "./lookup.js";

const EMAIL = /^[^\s@<>()[\],;:"\\]{1,64}@([^\s@]+)$/;

export function validSender(value) {
  const text = trim(value);
  if (hasHiddenCharacters(text)) return null;
  const match = EMAIL.exec(text);
  return match && text.length <= 254 && isHostname(match[1].toLowerCase()) ? text : null;
}

// Shown as text only; a name with an invisible character is not shown at all, a long one is cut.
export function cleanName(value) {
  const text = trim(value);
  return hasHiddenCharacters(text) ? "" : text.slice(0, 80);
}

const params = new URLSearchParams(window.location.search);
export const rawSender = params.get("sender");
export const sender = validSender(rawSender);
export const senderName = cleanName(params.get("name"));

// The two parameters a personalised link carries, re-encoded; nothing else travels on.
function senderParameters(address, name) {
  const kept = new URLSearchParams();
  if (address) kept.set("sender", address);
  if (name) kept.set("name", name);
  return kept;
}

// A page's address with the business's sending address and name (the kit and the flyer make these).
export function personalLink(pageUrl, address, name) {
  const url = new URL(pageUrl);
  url.search = senderParameters(address, name).toString();
  return url.href;
}

// The parameters of this page's own address, for the links that lead on from it.
export function preservedSearch() {
  const text = senderParameters(sender, senderName).toString();
  return text ? "?" + text : "";
}
