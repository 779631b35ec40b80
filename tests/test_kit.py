"""The campaign kit and the flyer in Chromium, as a business owner uses them: the link builder, the
ready texts, the badge configurator and the printable flyer. Links handed to customers name the
published site (PUBLIC_SITE_URL); a build without a public address says so instead."""
from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest
from conftest import PUBLIC_SITE_URL
from sitetools import Watch

from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

pytestmark = pytest.mark.browser
STRINGS = load_strings(site_languages()).by_language
PAYLOADS = ['<img src=x onerror="window.__pwned=1">', '"><script>window.__pwned=1</script>', "javascript:window.__pwned=1",
            "<svg/onload=window.__pwned=1>", "{{constructor.constructor('window.__pwned=1')()}}"]


def snippet(page, kind: str) -> str:
    return page.locator(f'textarea[data-dmm-snippet="{kind}"]').input_value()


def fill_builder(page, addresses: str, name: str) -> None:
    page.fill("#dmm-builder-addresses", addresses)
    page.fill("#dmm-builder-name", name)


def copy(button) -> None:
    """Press a copy button and wait until it reports the copy done (the clipboard is written later)."""
    button.click()
    button.locator("xpath=following-sibling::*[@role='status']").filter(has_text=re.compile(".+")).wait_for()


def local(url: str, server: str) -> str:
    """A published link, opened on the local copy of the same site."""
    assert url.startswith(PUBLIC_SITE_URL), url
    return server + url[len(PUBLIC_SITE_URL):]


@pytest.mark.parametrize("language", ["", "ar/"])
def test_builder_turns_an_address_and_a_name_into_working_links(page, public_server, language):
    page.goto(public_server + language + "kit/")
    fill_builder(page, " support@shop.example, news@shop.example, not-an-address ", "Shop & Co")
    finder = page.locator("#dmm-builder-finder").input_value()
    assert finder == PUBLIC_SITE_URL + language + "find/?sender=support%40shop.example&name=Shop+%26+Co"
    assert page.locator("#dmm-builder-hash").input_value() == finder + "#CUSTOMER@EXAMPLE.COM"
    assert "not-an-address" in page.locator(".dmm-builder-status").inner_text(), "a wrong address is named, not dropped silently"
    assert page.locator("#dmm-builder-guide").is_hidden()
    page.select_option("#dmm-builder-provider", "icloud")
    guide = page.locator("#dmm-builder-guide").input_value()
    assert guide == PUBLIC_SITE_URL + language + "providers/icloud/?sender=support%40shop.example&name=Shop+%26+Co"
    page.select_option("#dmm-builder-language", "ar" if not language else "en")
    other = "ar/" if not language else ""
    assert page.locator("#dmm-builder-finder").input_value().startswith(PUBLIC_SITE_URL + other + "find/?")
    # The QR code is of the finder link, drawn in the page by the site's own encoder.
    qr_path = page.locator(".dmm-builder-qr svg path").get_attribute("d")
    expected = page.evaluate("""async ([url, link]) => (await import(url)).qrSvg(link, "", document).querySelector("path").getAttribute("d")""",
                             [public_server + "assets/javascripts/dmm/qr.js", page.locator("#dmm-builder-finder").input_value()])
    assert qr_path == expected
    # The links work: the hash form, with a customer's address, opens that customer's guide with the sender.
    page.goto(local(finder, public_server) + "#ali@outlook.com")
    page.wait_for_url(re.compile(re.escape(public_server + language + "providers/outlook/") + r"\?"))
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"sender": ["support@shop.example"], "name": ["Shop & Co"]}
    assert page.locator(".dmm-sender-address").first.inner_text() == "support@shop.example"
    page.goto(local(guide, public_server))
    assert page.locator(".dmm-sender-address").first.inner_text() == "support@shop.example"


@pytest.mark.parametrize("language", ["", "ar/"])
def test_ready_texts_carry_the_address_name_and_link_as_text_and_html(page, public_server, language):
    page.goto(public_server + language + "kit/")
    fill_builder(page, "support@shop.example, news@shop.example", "Shop <b>&</b> Co")
    welcome = page.locator("[data-dmm-ready]").first
    text = welcome.inner_text()
    assert "support@shop.example" in text and "news@shop.example" in text and "Shop <b>&</b> Co" in text
    assert "your-shop.example" not in text
    link = PUBLIC_SITE_URL + language + "find/?sender=support%40shop.example&name=Shop+%3Cb%3E%26%3C%2Fb%3E+Co"
    assert welcome.locator("a").get_attribute("href") == link
    buttons = page.locator(".dmm-ready-copy").first.locator("button")
    copy(buttons.nth(0))
    plain = page.evaluate("navigator.clipboard.readText()")
    assert f"({link})" in plain and "<" not in plain.replace("Shop <b>&</b> Co", "")
    copy(buttons.nth(1))
    html = page.evaluate("navigator.clipboard.readText()")
    assert f'href="{link.replace("&", "&amp;")}"' in html
    assert "Shop &lt;b&gt;&amp;&lt;/b&gt; Co" in html and "<b>" not in html, "the name is text in the HTML, never markup"
    assert "data-dmm" not in html, "the page's own attributes stay out of the copy"


def test_badge_snippets_point_at_the_personal_link_and_the_published_badge(page, public_server):
    page.goto(public_server + "kit/")
    preview = page.locator(".dmm-kit-preview img")
    assert preview.get_attribute("src") == public_server + "badges/deliver-my-mail-en-pill-light-md.svg", "the preview is this copy's file"
    page.select_option("#dmm-kit-language", "ar")
    page.select_option("#dmm-kit-style", "card")
    page.select_option("#dmm-kit-theme", "dark")
    page.select_option("#dmm-kit-size", "lg")
    name = "deliver-my-mail-ar-card-dark-lg"
    # decode() waits for the new picture: checking right after the src changed would race it.
    assert preview.evaluate("img => img.decode().then(() => img.naturalWidth > 0)")
    html = snippet(page, "html")
    assert f'src="{PUBLIC_SITE_URL}badges/{name}.svg"' in html and f'href="{PUBLIC_SITE_URL}ar/"' in html
    assert 'alt="أوصِلوا بريدي:' in html, "alt text is in the badge's language"
    width, height = preview.get_attribute("width"), preview.get_attribute("height")
    assert f'width="{width}" height="{height}"' in html
    alt = "أوصِلوا بريدي: لم تصلك رسالتنا؟ إليك كيف تجدها"
    assert snippet(page, "markdown") == f"[![{alt}]({PUBLIC_SITE_URL}badges/{name}.svg)]({PUBLIC_SITE_URL}ar/)"
    assert snippet(page, "bbcode") == f"[url={PUBLIC_SITE_URL}ar/][img]{PUBLIC_SITE_URL}badges/{name}.png[/img][/url]"
    assert f"badges/{name}@2x.png" in snippet(page, "email")
    # A provider's guide, personalised with the builder's address and name.
    page.select_option("#dmm-kit-link", "provider")
    assert page.locator("#dmm-kit-provider").is_visible()
    page.select_option("#dmm-kit-provider", "gmail")
    fill_builder(page, "news@shop.example", "Shop")
    assert f'href="{PUBLIC_SITE_URL}ar/providers/gmail/?sender=news%40shop.example&amp;name=Shop"' in snippet(page, "html")
    # The signature copy puts the linked PNG badge on the clipboard as rich content.
    copy(page.get_by_role("button", name=STRINGS["en"]["ui_kit_badge_copy"]))
    rich = page.evaluate("""async () => {
        const [item] = await navigator.clipboard.read();
        return await (await item.getType("text/html")).text();
    }""")
    assert rich == snippet(page, "email")


def test_snippets_carry_no_script_cookie_or_tracker(page, public_server):
    page.goto(public_server + "ar/kit/")
    fill_builder(page, "news@shop.example", PAYLOADS[1])
    for kind in ("html", "markdown", "bbcode", "email"):
        text = snippet(page, kind).lower()
        assert "<script" not in text and "cookie" not in text and "onload" not in text and "?utm" not in text


def test_pasted_snippet_shows_the_published_badge_and_requests_only_it(browser, public_server, public_site):
    page = browser.new_page()
    page.goto(public_server + "kit/")
    page.select_option("#dmm-kit-style", "compact")
    html = snippet(page, "html")
    page.close()
    host = browser.new_page()
    requests = []
    host.on("request", lambda request: requests.append(request.url))
    # The published site, answered from the local build; and a page that holds nothing but the snippet.
    host.route(PUBLIC_SITE_URL + "**", lambda route: route.fulfill(path=public_site / route.request.url[len(PUBLIC_SITE_URL):]))
    host_url = public_server + "an-empty-host-page.html"
    host.route(host_url, lambda route: route.fulfill(content_type="text/html", body=f"<!doctype html><html><body>{html}</body></html>"))
    host.goto(host_url, wait_until="networkidle")
    assert host.locator("a img").evaluate("img => img.complete && img.naturalWidth > 0")
    assert requests == [host_url, PUBLIC_SITE_URL + "badges/deliver-my-mail-en-compact-light-md.svg"]
    host.close()


@pytest.mark.parametrize("language", ["", "ar/"])
def test_injection_in_the_builder_and_the_flyer_stays_text(page, public_server, language):
    watch = Watch(page, public_server)
    page.goto(public_server + language + "kit/")
    for payload in PAYLOADS:
        fill_builder(page, f"support@shop.example, {payload}", payload)
        assert payload in page.locator("[data-dmm-ready]").first.inner_text()
        assert page.locator(".md-content img:not(.dmm-kit-preview img), .md-content script, .md-content iframe").count() == 0
    page.goto(public_server + language + "flyer/?name=" + "%3Cimg%20src%3Dx%20onerror%3D%22window.__pwned%3D1%22%3E")
    page.fill("#dmm-flyer-address", PAYLOADS[1])
    page.fill("#dmm-flyer-name", PAYLOADS[3])
    assert PAYLOADS[3] in page.locator(".dmm-flyer h1").inner_text()
    assert page.locator(".dmm-flyer-sender").is_hidden(), "an invalid address is not printed"
    assert page.evaluate("window.__pwned") is None
    # The flyer keeps its choices in the address (history.replaceState): the page never leaves itself.
    pages = (public_server + language + "kit/", public_server + language + "flyer/")
    assert all(url.startswith(pages) for url in watch.navigations), watch.navigations
    watch.assert_quiet(navigations_allowed=len(watch.navigations))


def pdf_pages(pdf: bytes) -> list[tuple[float, float]]:
    """The size of each page of a PDF that Chromium printed, in points."""
    boxes = re.findall(rb"/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]", pdf)
    pages = len(re.findall(rb"/Type\s*/Page\b", pdf))
    assert len(boxes) == pages, (boxes, pages)
    return [(float(width), float(height)) for width, height in boxes]


@pytest.mark.parametrize("language, query, size", [
    ("", "", (595, 842)), ("ar/", "", (595, 842)),
    ("", "&paper=letter", (612, 792)), ("ar/", "&languages=both", (595, 842)), ("", "&languages=both&paper=letter", (612, 792)),
])
def test_flyer_prints_with_the_business_on_one_page(page, public_server, language, query, size):
    page.goto(public_server + language + "flyer/?name=Shop%20%26%20Co&sender=support%40shop.example" + query)
    both = "languages=both" in query
    flyers = page.locator(".dmm-flyer")
    flyers.nth(1 if both else 0).locator("svg.dmm-qr").wait_for()
    assert flyers.count() == (2 if both else 1)
    codes = [language.rstrip("/") or "en"] + ([("en" if language else "ar")] if both else [])
    for index, code in enumerate(codes):
        flyer = flyers.nth(index)
        assert flyer.locator("h1").inner_text() == STRINGS[code]["ui_flyer_title_named"].format(name="Shop & Co")
        assert flyer.locator(".dmm-flyer-sender").inner_text() == STRINGS[code]["ui_flyer_sender"].format(address="support@shop.example")
        printed = "deliver-my-mail.example/dmm/" + ("ar/" if code == "ar" else "") + "find/"
        assert flyer.locator(".dmm-flyer-url").inner_text() == STRINGS[code]["ui_flyer_url"].format(url=printed)
        if index:
            assert (flyer.get_attribute("lang"), flyer.get_attribute("dir")) == ("ar", "rtl") if code == "ar" else ("en", "ltr")
    page.emulate_media(media="print")
    sizes = pdf_pages(page.pdf(prefer_css_page_size=True, print_background=True))
    assert len(sizes) == 1, f"{len(sizes)} pages"
    assert sizes[0] == pytest.approx(size, abs=1)
    # The choices stay in the address, so the flyer can be bookmarked.
    assert "sender=support%40shop.example" in page.url and "name=Shop+%26+Co" in page.url
    # The code follows the fields: with the name and address cleared, it is the plain finder's again.
    code = flyers.nth(0).locator("svg.dmm-qr path").get_attribute("d")
    page.emulate_media(media="screen")
    page.fill("#dmm-flyer-name", "")
    page.fill("#dmm-flyer-address", "")
    page.wait_for_function("d => document.querySelector('.dmm-flyer svg.dmm-qr path').getAttribute('d') !== d", arg=code)
    plain = page.evaluate("""async ([url, link]) => (await import(url)).qrSvg(link, "", document).querySelector("path").getAttribute("d")""",
                          [public_server + "assets/javascripts/dmm/qr.js", PUBLIC_SITE_URL + language + "find/"])
    assert flyers.nth(0).locator("svg.dmm-qr path").get_attribute("d") == plain
    assert "sender=" not in page.url and "name=" not in page.url


def test_a_local_build_hands_out_no_links(page, site, site_server):
    assert "WARNING: built without a public address" in (site / ".build-log").read_text(encoding="utf-8")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.goto(site_server + "kit/")
    notice = STRINGS["en"]["ui_builder_no_public"].format(url=site_server)
    assert page.locator(".dmm-no-public").first.inner_text() == notice
    fill_builder(page, "support@shop.example", "Shop")
    assert page.locator("textarea").count() == 0, "no link to a preview address is offered"
    assert page.locator(".dmm-ready-copy").count() == 0
    page.goto(site_server + "ar/flyer/?sender=support%40shop.example")
    assert page.locator(".dmm-no-public").inner_text() == STRINGS["ar"]["ui_builder_no_public"].format(url=site_server)
    assert page.locator(".dmm-flyer-url").is_hidden()
    assert "127.0.0.1" not in (site / "ar" / "assets" / "generated" / "qr-find.svg").read_text(encoding="utf-8")
    assert errors == [], "typing into the builder of a local build raises nothing"
