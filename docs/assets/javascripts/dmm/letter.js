// The complaint letter on each guide: filled in as the reader types, copied with one button.
import {DATA, copyButton, element, fill, strings} from "./page.js";
import {sender} from "./sender.js";

function buildLetter(container) {
  const slug = container.getAttribute("data-dmm-letter");
  if (!DATA.providers[slug]) return;
  const fields = {};
  const form = element("div", {"class": "dmm-letter-form"});
  [["sender", strings.ui_letter_sender, "email"], ["expected", strings.ui_letter_expected, "text"],
   ["since", strings.ui_letter_since, "text"]].forEach(([name, label, type]) => {
    const id = "dmm-letter-" + name;
    fields[name] = element("input", {id, type, "class": "dmm-input", autocomplete: "off", dir: name === "sender" ? "ltr" : "auto"});
    form.appendChild(element("label", {"for": id}, [label]));
    form.appendChild(fields[name]);
  });
  if (sender) fields.sender.value = sender;
  const letter = element("textarea", {id: "dmm-letter-text", rows: "12", "class": "dmm-letter-text",
    "aria-label": strings.ui_letter_copy, dir: "auto"});
  const compose = () => {
    const values = {
      sender: fields.sender.value.trim() || strings.letter_blank_sender,
      expected: fields.expected.value.trim() || strings.letter_blank_expected,
      since: fields.since.value.trim() || strings.letter_blank_since
    };
    letter.value = fill(strings.letter_subject, values) + "\n\n" + fill(strings.letter_body, values);
  };
  Object.values(fields).forEach((field) => field.addEventListener("input", compose));
  compose();
  form.appendChild(letter);
  form.appendChild(element("p", {}, [copyButton(() => letter.value, strings.ui_letter_copy)]));
  const channel = document.querySelector("a.dmm-channel");
  if (channel) {
    form.appendChild(element("p", {}, [fill(strings.ui_letter_channel, {channel: ""}),
      element("a", {href: channel.getAttribute("href"), rel: "noopener"}, [channel.textContent])]));
  }
  container.textContent = "";
  container.appendChild(form);
}

export function startLetters() {
  document.querySelectorAll("[data-dmm-letter]").forEach(buildLetter);
}
