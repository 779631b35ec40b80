"""Every address, domain and URL on every Arabic page shows in its own order at phone width: the
browser says where each of its characters lands, and each must sit to the right of the one before
it on the same line (delivermymail/bidi.py isolates them; without it `@gmail.com` shows as
`gmail.com@`)."""
from __future__ import annotations

import pytest

from delivermymail.bidi import TOKEN_PATTERN

pytestmark = pytest.mark.browser

# For each token in the article's visible text: the first character drawn left of the one before it.
MISORDERED = """
(pattern) => {
  const token = new RegExp(pattern, "g");
  const misordered = [];
  const range = document.createRange();
  const walker = document.createTreeWalker(document.querySelector("article"), NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    if (!node.parentElement || !node.parentElement.getClientRects().length) continue;
    for (const found of node.data.matchAll(token)) {
      let last = null;
      for (let i = 0; i < found[0].length; i++) {
        range.setStart(node, found.index + i);
        range.setEnd(node, found.index + i + 1);
        const box = range.getClientRects()[0];
        if (!box || box.width === 0) continue;
        if (last && Math.abs(box.top - last.top) < 2 && box.left < last.left - 0.5) {
          misordered.push(found[0]);
          break;
        }
        last = box;
      }
    }
  }
  return misordered;
}
"""


def arabic_pages(site) -> list[str]:
    return sorted(path.parent.relative_to(site).as_posix() + "/" for path in (site / "ar").rglob("index.html"))


def test_the_check_sees_a_misordered_address(browser):
    page = browser.new_page(viewport={"width": 360, "height": 740})
    page.set_content('<html dir="rtl"><body><article><p>تنتهي عناوينها بـ @gmail.com أو https://mail.google.com/ .</p>'
                     '<p>بـ <bdi dir="ltr">@gmail.com</bdi> و<bdi dir="ltr">https://mail.google.com/</bdi></p></article></body></html>')
    assert page.evaluate(MISORDERED, TOKEN_PATTERN) == ["@gmail.com", "https://mail.google.com/"]
    page.close()


def test_addresses_and_urls_keep_their_order_on_every_arabic_page(browser, site, site_server):
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    pages = arabic_pages(site)
    assert len(pages) > 50
    found = {}
    for path in pages:
        page.goto(site_server + path)
        misordered = page.evaluate(MISORDERED, TOKEN_PATTERN)
        if misordered:
            found[path] = misordered
    page.close()
    assert found == {}


def test_what_the_tools_write_on_arabic_pages_keeps_its_order(browser, site_server):
    """The text the browser tools add after loading: the header reader's explanation of a real
    message, and a personalised guide's sender."""
    from sitetools import FIXTURES

    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(site_server + "ar/headers/")
    page.fill("#dmm-headers-input", (FIXTURES / "headers" / "gmail-dmarc-fail.eml").read_text(encoding="utf-8"))
    page.locator("#dmm-headers-output .dmm-headers-section").first.wait_for()
    reader = page.evaluate(MISORDERED, TOKEN_PATTERN)
    page.goto(site_server + "ar/providers/gmail/?sender=news%40shop.example&name=Shop")
    page.locator(".dmm-sender-address").first.wait_for()
    guide = page.evaluate(MISORDERED, TOKEN_PATTERN)
    page.close()
    assert (reader, guide) == ([], [])


def test_an_arabic_step_shows_the_arabic_label_first_and_the_english_one_after_it(browser, site_server):
    """Read right to left, the step names Outlook's folder in Arabic and then, beside it, in English:
    on the line, the Arabic label sits to the right of the English one, each in its own order."""
    page = browser.new_page(viewport={"width": 360, "height": 740}, is_mobile=True)
    page.goto(site_server + "ar/providers/outlook/")
    step = page.locator("#find-web ~ ol li", has=page.locator('bdi[lang="ar"]')).first
    arabic = step.locator('bdi[lang="ar"]').bounding_box()
    english = step.locator('bdi[lang="en"]').bounding_box()
    assert step.locator('bdi[lang="ar"]').inner_text() == "البريد الإلكتروني غير الهام"
    assert step.locator('bdi[lang="en"]').inner_text() == "Junk Email"
    if abs(arabic["y"] - english["y"]) < 2:     # on one line: Arabic first, to the right
        assert arabic["x"] >= english["x"] + english["width"] - 0.5, (arabic, english)
    else:                                        # wrapped: the English one comes on a later line
        assert english["y"] > arabic["y"], (arabic, english)
    assert page.evaluate(MISORDERED, TOKEN_PATTERN) == []
    page.close()
