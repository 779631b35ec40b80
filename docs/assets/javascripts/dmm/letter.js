// The complaint letter on each guide: it asks for what support staff need (the reader's own
// address, the sender's address and domain, the date and subject of a missed message, spam or
// never arrived, a name), and goes where it must: a filled-in e-mail for an address, copy-and-open
// for a form, a script for a phone line or chat, and to the reader's IT team for a workplace filter.
import {domainOf} from "./lookup.js";
import {DATA, copyButton, element, fill, fillNodes, lang, loadStrings, strings} from "./page.js";
import {sender} from "./sender.js";

// In the order the reader fills them in; "found" is a choice, the rest are typed.
const FIELDS = [["me", "ui_letter_me", "email"], ["sender", "ui_letter_sender", "email"],
                ["date", "ui_letter_date", "date"], ["subject", "ui_letter_subject", "text"],
                ["found", "ui_letter_found", "select"], ["name", "ui_letter_name", "text"]];

function field(name, type) {
  const id = "dmm-letter-" + name;
  if (type === "select") {
    return element("select", {id, "class": "dmm-input"}, [
      element("option", {value: "spam"}, [strings.ui_letter_found_spam]),
      element("option", {value: "none"}, [strings.ui_letter_found_none])]);
  }
  return element("input", {id, type, "class": "dmm-input", autocomplete: "off",
    dir: ["me", "sender", "date"].includes(name) ? "ltr" : "auto"});
}

// The channels of this guide, as the page lists them (hooks render them from the data); the
// bodies to escalate to come later, after the provider has had its chance, and get no letter here.
function channelsOnPage() {
  return Array.from(document.querySelectorAll("[data-dmm-channel]:not([data-dmm-escalation])"), (item) => ({
    type: item.getAttribute("data-dmm-channel"),
    title: item.getAttribute("data-dmm-title") || "",
    url: item.getAttribute("data-dmm-url"),
    address: item.getAttribute("data-dmm-address"),
    languages: (item.getAttribute("data-dmm-languages") || "").split(" ").filter(Boolean)
  }));
}

// Another language of this site to write the letter in: when every channel that reaches a person
// says which languages it answers in, none says the page's language, and one says that language.
function otherLetterLanguage(channels) {
  const people = channels.filter((channel) => DATA.personChannels.includes(channel.type));
  if (!people.length || people.some((channel) => !channel.languages.length || channel.languages.includes(lang))) return null;
  const other = DATA.languages.find((language) => people.some((channel) => channel.languages.includes(language.code)));
  return other && strings["ui_letter_write_in_" + other.code] ? other : null;
}

// mailto: with the subject and body encoded, so the reader's mail program opens with the letter.
function mailtoLink(address, subject, body) {
  return "mailto:" + encodeURIComponent(address).replace(/%40/g, "@") +
    "?subject=" + encodeURIComponent(subject) + "&body=" + encodeURIComponent(body);
}

function buildLetter(container) {
  const slug = container.getAttribute("data-dmm-letter");
  if (!DATA.providers[slug]) return;
  const workplace = container.hasAttribute("data-dmm-workplace");
  const fields = {};
  const form = element("div", {"class": "dmm-letter-form"});
  FIELDS.forEach(([name, label, type]) => {
    fields[name] = field(name, type);
    form.appendChild(element("label", {"for": fields[name].id}, [strings[label]]));
    form.appendChild(fields[name]);
  });
  const found = fields.found;
  if (sender) fields.sender.value = sender;

  const letter = element("textarea", {id: "dmm-letter-text", rows: "14", "class": "dmm-letter-text",
    "aria-label": strings.ui_letter_copy, dir: "auto"});
  const script = element("textarea", {id: "dmm-letter-script", rows: "5", "class": "dmm-letter-text",
    "aria-label": strings.ui_letter_script, dir: "auto", readonly: ""});
  const actions = element("div", {"class": "dmm-letter-actions"});
  const channels = channelsOnPage();
  let subject = "";
  let words = strings;    // the strings the letter itself is written with: the page's, or another language's

  function values() {
    const value = (name, blank) => fields[name].value.trim() || words[blank];
    const senderAddress = fields.sender.value.trim();
    return {
      me: value("me", "letter_blank_me"), sender: value("sender", "letter_blank_sender"),
      domain: domainOf(senderAddress) || words.letter_blank_domain,
      date: value("date", "letter_blank_date"), subject: value("subject", "letter_blank_subject"),
      name: value("name", "letter_blank_name"),
      found: found.value === "spam" ? words.letter_found_spam : words.letter_found_none
    };
  }

  function compose() {
    const filled = values();
    subject = fill(workplace ? words.letter_subject_it : words.letter_subject, filled);
    letter.value = subject + "\n\n" + fill(workplace ? words.letter_body_it : words.letter_body, filled);
    script.value = fill(words.letter_script, filled);
    actions.querySelectorAll("a[data-dmm-mailto]").forEach((link) => {
      link.setAttribute("href", mailtoLink(link.getAttribute("data-dmm-mailto"), subject,
        letter.value.slice(subject.length + 2)));
    });
  }

  // What to do with the letter, for each kind of channel this guide lists.
  actions.appendChild(element("p", {}, [copyButton(() => letter.value, strings.ui_letter_copy)]));
  if (workplace) {
    actions.appendChild(element("p", {}, [strings.ui_letter_it]));
  }
  channels.filter((channel) => channel.type === "email" && channel.address).forEach((channel) => {
    actions.appendChild(element("p", {}, [element("a", {"data-dmm-mailto": channel.address, href: "#", "class": "md-button"},
      fillNodes(strings.ui_letter_mailto, {address: channel.address}))]));
  });
  channels.filter((channel) => ["web-form", "ticket"].includes(channel.type) && channel.url).forEach((channel) => {
    actions.appendChild(element("p", {}, fillNodes(strings.ui_letter_form, {channel: channel.title}).concat(
      [" ", element("a", {href: channel.url, rel: "noopener"}, [channel.title])])));
  });
  channels.filter((channel) => channel.type === "in-app").forEach((channel) => {
    actions.appendChild(element("p", {}, fillNodes(strings.ui_letter_inapp, {channel: channel.title})));
  });
  if (channels.some((channel) => ["phone", "chat"].includes(channel.type))) {
    actions.appendChild(element("label", {"for": "dmm-letter-script"}, [strings.ui_letter_script]));
    actions.appendChild(script);
    actions.appendChild(element("p", {}, [copyButton(() => script.value)]));
  }

  Object.values(fields).forEach((input) => input.addEventListener("input", compose));
  compose();
  const other = otherLetterLanguage(channels);
  if (other) form.appendChild(languageSwitch(other, (language, loaded) => {
    words = loaded;
    [letter, script].forEach((box) => { box.lang = language.code; box.dir = language.direction; });
    compose();
  }));
  form.appendChild(letter);
  form.appendChild(actions);
  container.textContent = "";
  container.appendChild(form);
}

// "Write the letter in English" and back: the other language's strings load only when asked for.
function languageSwitch(other, use) {
  const own = DATA.languages.find((language) => language.code === lang);
  let current = own;
  const button = element("button", {type: "button", "class": "md-button"}, [strings["ui_letter_write_in_" + other.code]]);
  button.addEventListener("click", () => {
    const next = current === own ? other : own;
    const ready = next === own ? Promise.resolve(strings) : loadStrings(next.code);
    ready.then((loaded) => {
      current = next;
      use(next, loaded);
      button.textContent = strings["ui_letter_write_in_" + (current === own ? other : own).code];
    });
  });
  return element("p", {"class": "dmm-letter-language"}, [strings.ui_letter_language_hint, " ", button]);
}

export function startLetters() {
  document.querySelectorAll("[data-dmm-letter]").forEach(buildLetter);
}
