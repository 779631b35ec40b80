"""The finder, the personalised guide and the complaint letter, as a reader uses them in Chromium."""
from __future__ import annotations

from urllib.parse import quote

import pytest

from delivermymail.dataset import load_dataset
from delivermymail.languages import site_languages
from delivermymail.lookup import lookup, provider_names
from delivermymail.strings import load_strings

pytestmark = pytest.mark.browser
DATASET = load_dataset()
OWNERS = DATASET.domain_owner
NAMES = provider_names(DATASET.providers, OWNERS)
TRICKY = [
    "", " ", "@", "@@", "someone@", "Someone@GMAIL.COM", "  someone@gmail.com  ", "a+tag@gmail.com",
    "someone@mail.gmail.com", "someone@gmail.com.evil.example", "someone@gmial.com", "someone@gmail.co",
    "someone@hotmial.com", "someone@yahooo.com", "someone@example.com", "gmail.com", "GMAIL.COM.",
    "someone@gmail..com", "!!!", "<script>alert(1)</script>", "someone@" + "a" * 400 + ".com",
    "مستخدم@مثال.مصر", "user@пример.рф", "someone@xn--mgbh0fb.xn--wgbh1c", "a@b@c@gmail.com",
    "someone@-gmail.com", "someone@gmail-.com", "someone@123.456", "\tsomeone@outlook.com\n", "🙂@gmail.com",
    # Trimmed (textrules.TRIMMED) on both sides alike, or refused as hidden characters:
    "\ufeffsomeone@gmail.com", "\x1csomeone@gmail.com", "someone@gmail.com\x85", "someone@gmail.com\n",
    "\u00a0someone@gmail.com\u3000", "someone@gmail.com\u2028", "\u202emoc.lapyap@troppus.ai",
    "some\u200bone@gmail.com", "someone@gm\u00adail.com", "\u2066someone@gmail.com\u2069",
    # Names instead of addresses, and named addresses:
    "Gmail", "hotmail", "Yahoo! JAPAN", "gmx", "جيميل", "جِيمِيل", "أوتلوك", "هوت ميل",
    "Ali <ali@outlook.com>", "<>", "a <b> c", "Ali <not an address>",
    "\u202egmail", "g\u200bmail",
    # A missing top-level domain, and internationalised domains (converted as browsers do, UTS 46):
    "x@gmail", "x@GMAIL.", "x@hotmail", "x@gmail-", "x@notaprovider", "gmail@", "x@bücher.de", "x@BÜCHER.de", "x@faß.de",
    "ｇｍａｉｌ.com", "x@ｇｍａｉｌ.com", "x@bü/cher.de", "x@bücher.de:80", "x@bü%63her.de", "x@bü_cher.de",
    "x@xn--bcher-kva.de", "x@例え.テスト", "x@ex\u0301ample.com", "x@a..bücher.de", "x@-bücher.de", "x@bücher-.de", "x@ab--cü.de", "x@bü.c-",
]
PAYLOADS = [
    '<img src=x onerror="window.__pwned=1">',
    '"><script>window.__pwned=1</script>',
    "javascript:window.__pwned=1",
    "<svg/onload=window.__pwned=1>",
    "{{constructor.constructor('window.__pwned=1')()}}",
]


@pytest.fixture(autouse=True)
def no_script_errors(request):
    """Every test that uses a tab also proves that the page's scripts raised no error."""
    if "page" not in request.fixturenames:
        yield
        return
    page = request.getfixturevalue("page")
    errors = []
    page.on("pageerror", lambda error: errors.append(str(error)))
    yield
    assert errors == [], errors


def test_browser_and_command_line_agree(page, site_server):
    page.goto(site_server)
    inputs = [f"someone@{domain}" for domain in sorted(OWNERS)] + TRICKY
    # The browser's own lookup module, imported as the finder imports it.
    answers = page.evaluate("""async ([url, inputs]) => {
        const {lookup} = await import(url);
        return inputs.map(input => lookup(input));
    }""", [site_server + "assets/javascripts/dmm/find.js", inputs])
    mismatches = [(raw, got, lookup(raw, OWNERS, NAMES)) for raw, got in zip(inputs, answers, strict=False)
                  if got != lookup(raw, OWNERS, NAMES)]
    assert mismatches == []


FINDER_CASES = [
    ("someone@gmail.com", "providers/gmail/"), ("Someone@GoogleMail.com", "providers/gmail/"),
    ("x@hotmail.co.uk", "providers/outlook/"), ("x@live.com", "providers/outlook/"),
    ("x+news@outlook.com", "providers/outlook/"), ("x@yahoo.com", "providers/yahoo/"),
    ("x@aol.com", "providers/aol/"), ("x@icloud.com", "providers/icloud/"), ("x@me.com", "providers/icloud/"),
    ("x@pm.me", "providers/proton/"), ("x@gmx.de", "providers/gmx/"), ("x@web.de", "providers/web-de/"),
    ("x@mail.ru", "providers/mail-ru/"), ("x@yandex.ru", "providers/yandex/"), ("x@orange.fr", "providers/orange-fr/"),
    ("zoho.com", "providers/zoho/"), ("Gmail", "providers/gmail/"), ("hotmail", "providers/outlook/"),
    ("Ali <ali@outlook.com>", "providers/outlook/"), ("  X@WANADOO.FR ", "providers/orange-fr/"),
]
FINDER_ANSWERS = [
    ("someone@gmial.com", "gmail.com"), ("someone@hotmial.com", "hotmail.com"),
    ("someone@company.example", None), ("someone@mail.gmail.com", None), ("", None), ("not an address", None),
    ("x@gmail", "gmail.com"), ("someone@bücher.example", None),
]


def test_finder_cases_lead_to_their_guides(page, site_server):
    """Every case through the browser's own lookup, in one page; three of them typed below."""
    page.goto(site_server)
    found = page.evaluate("""async ([url, inputs]) => {
        const {lookup} = await import(url);
        return inputs.map(input => lookup(input).provider);
    }""", [site_server + "assets/javascripts/dmm/find.js", [raw for raw, _ in FINDER_CASES]])
    assert [f"providers/{slug}/" for slug in found] == [target for _, target in FINDER_CASES]


@pytest.mark.parametrize("language", ["", "ar/"])
@pytest.mark.parametrize("raw, target", [FINDER_CASES[0], FINDER_CASES[-1], FINDER_CASES[-2]])
def test_finder_opens_the_guide_in_the_page_language(page, site_server, language, raw, target):
    page.goto(site_server + language)
    page.locator("form.dmm-finder-form").first.locator("input").fill(raw)
    page.keyboard.press("Enter")
    page.wait_for_url(site_server + language + target)


def test_finder_answers_without_a_dead_end(page, site_server):
    """Each input typed in turn into one finder, as a reader tries again."""
    page.goto(site_server + "providers/")
    form = page.locator("form.dmm-finder-form").first
    workplace = [slug for slug, entry in DATASET.providers.items() if entry["kind"] == "workplace-filter"]
    for raw, suggestion in FINDER_ANSWERS:
        form.locator("input").fill(raw)
        form.get_by_role("button").click()
        answer = form.locator("[aria-live]")
        assert answer.inner_text().strip(), f"{raw!r}: every input gets an answer"
        assert page.url == site_server + "providers/"
        links = answer.locator("a[data-dmm-suggestion]")
        assert (links.get_attribute("data-dmm-suggestion") if links.count() else None) == suggestion, raw
        if raw and "@" in raw and "." in raw:
            hrefs = answer.locator("a").evaluate_all("links => links.map(link => link.getAttribute('href'))")
            for page_path in ("/recipients/", "/providers/", "/providers/regions/"):
                assert any(href.endswith(page_path) for href in hrefs), (raw, page_path)
            assert all(any(f"providers/{slug}/" in href for href in hrefs) for slug in workplace), raw


@pytest.mark.parametrize("language", ["", "ar/"])
def test_finder_explains_typos_missing_endings_and_international_domains(page, site_server, language):
    strings = load_strings(site_languages()).by_language[language.rstrip("/") or "en"]
    page.goto(site_server + language + "providers/")
    form = page.locator("form.dmm-finder-form").first
    answer = form.locator("[aria-live]")

    def ask(raw: str) -> list[str]:
        form.locator("input").fill(raw)
        form.get_by_role("button").click()
        return [" ".join(text.split()) for text in answer.locator("p").all_inner_texts()]

    def filled(key: str, domain: str) -> str:
        return strings[key].format(domain=domain)

    # The likelier story first (a mistyped address), then the way on if the domain is right after all,
    # and not the "company domain" story that would contradict it.
    assert ask("someone@gmial.com")[:3] == [filled("ui_finder_suggest", "gmail.com"), filled("ui_finder_typo", "gmial.com"),
                                            filled("ui_finder_if_right", "gmial.com")]
    assert filled("ui_finder_unknown", "gmial.com") not in answer.inner_text()
    assert ask("x@gmail") == [strings["ui_finder_incomplete"], filled("ui_finder_suggest", "gmail.com")]
    assert answer.locator("a[data-dmm-suggestion]").get_attribute("href") == site_server + language + "providers/gmail/"
    assert ask("مستخدم@مثال.مصر")[0] == filled("ui_finder_unknown", "مثال.مصر (xn--mgbh0fb.xn--wgbh1c)")
    assert page.url == site_server + language + "providers/", "an unknown domain never navigates away"


def test_finder_is_labelled_and_keyboard_reachable(page, site_server):
    page.goto(site_server + "ar/")
    form = page.locator("form.dmm-finder-form").first
    field = form.get_by_label("عنوان بريدك الإلكتروني، أو الجزء الذي يلي @ فقط")
    field.focus()
    page.keyboard.type("x@gmail.com")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    assert form.locator("[aria-live=polite]").count() == 1


@pytest.mark.parametrize("language", ["", "ar/"])
def test_hash_link_form_opens_the_guide(page, site_server, language):
    page.goto(site_server + language + "find/#someone%2Btag@GMAIL.com")
    page.wait_for_url(site_server + language + "providers/gmail/")


def test_hash_link_form_keeps_the_sender(page, site_server):
    page.goto(site_server + "ar/find/?sender=news@shop.example&name=Shop#someone@yahoo.com")
    page.wait_for_url(site_server + "ar/providers/yahoo/?sender=news%40shop.example&name=Shop")
    assert page.locator(".dmm-sender-address").first.inner_text() == "news@shop.example"


def test_hash_link_form_with_unknown_domain_explains(page, site_server):
    page.goto(site_server + "find/#someone@gmial.com")
    answer = page.locator("[data-dmm-find-page] [aria-live]")
    assert "gmail.com" in answer.inner_text()
    assert page.url.startswith(site_server + "find/")


def test_address_never_leaves_the_browser(page, site_server):
    requests = []
    page.on("request", lambda request: requests.append(request.url + " " + (request.post_data or "")))
    page.goto(site_server + "find/")
    field = page.locator("form.dmm-finder-form").first.locator("input")
    field.type("privacy-check-7391@unknown-company.example", delay=5)
    page.keyboard.press("Enter")
    page.goto(site_server + "find/#privacy-check-7391@gmail.com")
    page.wait_for_url(site_server + "providers/gmail/")
    page.wait_for_load_state("networkidle")
    assert len(requests) > 3
    assert [url for url in requests if "privacy-check" in url or "unknown-company" in url] == []


def test_without_javascript_the_reader_reaches_the_index(browser, site_server):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    for path in ("", "ar/", "find/"):
        page.goto(site_server + path)
        link = page.locator("[data-dmm-finder] a").first
        link.click()
        assert page.url.split("#")[0].endswith("providers/")
    context.close()


def test_personalised_guide_shows_sender_and_copies_it(page, site_server):
    page.goto(site_server + "providers/gmail/?sender=news@shop.example&name=Shop%20%26%20Co")
    top = page.locator("[data-dmm-sender]")
    assert top.is_visible() and "This link asks you to allow messages from Shop & Co" in top.inner_text()
    assert "sent you here" not in top.inner_text(), "the page never vouches for whoever made the link"
    allow = page.locator("#allow ~ [data-dmm-sender-add]")
    assert allow.is_visible() and "news@shop.example" in allow.inner_text()
    top.get_by_role("button", name="Copy").click()
    assert page.evaluate("navigator.clipboard.readText()") == "news@shop.example"
    assert top.get_by_role("status").inner_text() == "Copied"


def test_invalid_sender_is_ignored_with_a_note(page, site_server):
    page.goto(site_server + "ar/providers/gmail/?sender=not-an-address")
    top = page.locator("[data-dmm-sender]")
    assert "لا يبدو عنوان المرسِل" in top.inner_text()
    assert page.locator(".dmm-sender-address").count() == 0


@pytest.mark.parametrize("language", ["", "ar/"])
def test_injection_in_the_address_bar_stays_text(page, site_server, language):
    """Every payload as sender and name of a personalised guide, and as the finder's #address
    (changed in place, as a reader following several links would)."""
    dialogs = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.goto(site_server + language + "providers/gmail/")
    before = page.evaluate("document.querySelectorAll('script, img, svg, iframe').length")
    for payload in PAYLOADS:
        url = site_server + language + "providers/gmail/?sender=" + quote(payload + "@x.example") + "&name=" + quote(payload)
        page.goto(url)       # waits for the load event: the tools' modules have run by then
        assert page.evaluate("window.__pwned") is None, payload
        assert page.evaluate("document.querySelectorAll('script, img, svg, iframe').length") == before, payload
        assert page.evaluate("document.querySelectorAll('[onerror], [onload]').length") == 0, payload
    page.goto(site_server + language + "find/?sender=" + quote(PAYLOADS[0]) + "#" + quote(PAYLOADS[0]))
    for payload in PAYLOADS:
        page.evaluate("hash => { location.hash = hash; }", quote(payload))
        page.locator(".dmm-answer").first.wait_for()
        assert page.evaluate("window.__pwned") is None, payload
        assert page.evaluate("document.querySelectorAll('.dmm-answer img, .dmm-answer svg, .dmm-answer script').length") == 0
    assert dialogs == []


def test_name_is_shown_as_text(page, site_server):
    page.goto(site_server + "providers/gmail/?sender=a@shop.example&name=" + quote("<b>Shop</b>"))
    assert "allow messages from <b>Shop</b>" in page.locator("[data-dmm-sender]").inner_text()


def test_language_switch_and_guide_links_keep_the_parameters(page, site_server):
    page.goto(site_server + "providers/gmail/?sender=news@shop.example&name=Shop")
    page.locator(".md-header__option .md-select").first.hover()
    page.locator('.md-select__link[hreflang="ar"]').click()
    page.wait_for_url(site_server + "ar/providers/gmail/?sender=news%40shop.example&name=Shop")
    assert "news@shop.example" in page.locator("[data-dmm-sender]").inner_text()
    page.goto(site_server + "providers/?sender=news@shop.example")
    href = page.locator("article a[href*='gmail']").first.get_attribute("href")
    assert href.endswith("?sender=news%40shop.example")


def test_arabic_guide_fits_a_phone(browser, site_server, tmp_path):
    context = browser.new_context(viewport={"width": 360, "height": 740}, device_scale_factor=2, is_mobile=True)
    page = context.new_page()
    for slug in ("gmail", "outlook", "mail-com"):
        page.goto(site_server + f"ar/providers/{slug}/?sender=very.long.newsletter.address@shop.example&name=Shop")
        page.screenshot(path=str(tmp_path / f"ar-{slug}-360.png"), full_page=True)
        overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
        assert overflow <= 0, f"{slug}: the page is {overflow}px wider than a 360px phone"
        wide = page.evaluate("""() => Array.from(document.querySelectorAll('article *'))
            .filter(e => e.getBoundingClientRect().right > window.innerWidth + 1 && !e.closest('.md-typeset__scrollwrap, pre, table'))
            .map(e => e.tagName + '.' + e.className).slice(0, 5)""")
        assert wide == [], f"{slug}: elements beyond the screen edge: {wide}"
    context.close()


@pytest.mark.parametrize("language", site_languages(), ids=lambda language: language.code)
@pytest.mark.parametrize("sender, imitated", [("news@shop.example", None), ("support@gmai1.com", "gmail.com"),
                                              ("security@gmail-support.example", "gmail.com")])
def test_personalised_guide_cautions_and_flags_lookalikes(page, site_server, language, sender, imitated):
    strings = load_strings(site_languages()).by_language[language.code]
    page.goto(site_server + language.url_prefix + "providers/gmail/?sender=" + quote(sender) + "&name=PayPal")
    top = page.locator("[data-dmm-sender]")
    domain = sender.split("@")[1]
    caution = strings["ui_sender_caution"].split("{domain}")[0].strip()
    assert caution in top.inner_text()
    assert top.locator(".dmm-sender-domain").inner_text() == domain
    warning = top.locator(".dmm-lookalike")
    if imitated:
        assert warning.count() == 1 and imitated in warning.inner_text() and domain in warning.inner_text()
    else:
        assert warning.count() == 0
