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

// Only the two parameters we understand travel on, re-encoded.
export function preservedSearch() {
  const kept = new URLSearchParams();
  if (sender) kept.set("sender", sender);
  if (senderName) kept.set("name", senderName);
  const text = kept.toString();
  return text ? "?" + text : "";
}
