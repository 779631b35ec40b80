// A guide's steps for one kind of device: a switch above the steps (computer, Android, iPhone…)
// that opens on the reader's own kind of device and keeps the others one choice away. Without
// JavaScript every platform's steps are shown, as the page is written.
import {element, lang, strings} from "./page.js";

// The order of the switch's options: a computer's first, then the phones'.
const ORDER = ["web", "desktop", "android", "ios"];

// The reader's device, as the browser tells it: an iPhone or iPad, an Android phone, or a computer.
export function deviceOf(userAgent, touchPoints) {
  if (/iPhone|iPad|iPod/.test(userAgent) || (/Macintosh/.test(userAgent) && touchPoints > 1)) return "ios";
  if (/Android/.test(userAgent)) return "android";
  return "web";
}

// The section (find, not spam, allow…) a platform's heading belongs to: its nearest h2 above.
function sectionOf(heading) {
  let previous = heading.previousElementSibling;
  while (previous && previous.tagName !== "H2") previous = previous.previousElementSibling;
  return previous;
}

// Each platform heading (marked by the guide template with the platforms whose steps follow, one or
// more: "android ios" when both apps work alike) and the steps under it, up to the next heading.
function platformBlocks(article) {
  return Array.from(article.querySelectorAll("h3[data-dmm-platform]"), (heading) => {
    const nodes = [heading];
    for (let next = heading.nextElementSibling; next && !/^H[1-3]$/.test(next.tagName); next = next.nextElementSibling) nodes.push(next);
    return {platforms: heading.getAttribute("data-dmm-platform").split(" "), nodes, section: sectionOf(heading)};
  });
}

// Whether a block is shown for a choice. A section with no steps for the chosen platform keeps all of
// its steps in view (a reader on a phone still needs to allow the sender if only the web steps say how).
function shownFor(choice, block, blocks) {
  if (choice === "all" || block.platforms.includes(choice)) return true;
  return !blocks.some((other) => other.section === block.section && other.platforms.includes(choice));
}

export function startPlatformSwitch() {
  const article = document.querySelector("article");
  if (!article) return;
  const blocks = platformBlocks(article);
  const present = [...new Set(blocks.flatMap((block) => block.platforms))].sort((a, b) => ORDER.indexOf(a) - ORDER.indexOf(b));
  if (present.length < 2) return;
  const device = deviceOf(navigator.userAgent, navigator.maxTouchPoints || 0);
  // A computer reads the web steps, or the desktop program's when only those exist.
  const preferred = present.includes(device) ? device : present.includes("web") ? "web" : present[0];
  const name = "dmm-platform";
  const options = [...present.map((platform) => [platform, strings["platform_" + platform]]), ["all", strings.ui_platform_all]];
  const show = (choice) => blocks.forEach((block) => block.nodes.forEach((node) => {
    node.hidden = !shownFor(choice, block, blocks);
  }));
  const switcher = element("fieldset", {"class": "dmm-platform-switch"}, [element("legend", {}, [strings.ui_platform_label]),
    ...options.map(([value, label]) => {
      const input = element("input", {type: "radio", name, value, id: name + "-" + value});
      input.checked = value === preferred;
      input.addEventListener("change", () => show(value));
      return element("label", {"for": input.id, lang}, [input, " ", label]);
    })]);
  const firstSection = blocks[0].nodes[0];
  firstSection.before(switcher);
  show(preferred);
}
