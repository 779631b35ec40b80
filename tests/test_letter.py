"""The complaint letter goes where it must, in both languages: a filled-in e-mail for an address,
copy-and-open for a form, steps for in-app feedback, a script for a phone line, the reader's IT team
for a workplace filter, and a plain word where no channel reaches a person. Hostile channel data
(tests/fixtures/hostile/hostile-mail.yml) stays text."""
from __future__ import annotations

from urllib.parse import parse_qs, unquote, urlsplit

import pytest
import yaml
from sitetools import FIXTURES, Watch

from delivermymail.dataset import MAILBOX_KIND, load_dataset
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

pytestmark = pytest.mark.browser
LANGUAGES = site_languages()
STRINGS = load_strings(LANGUAGES).by_language
HOSTILE = yaml.safe_load((FIXTURES / "hostile" / "hostile-mail.yml").read_text(encoding="utf-8"))


def fill_letter(page, code: str, **values):
    letter = page.locator("[data-dmm-letter]")
    for name, text in values.items():
        letter.get_by_label(STRINGS[code][f"ui_letter_{name}"], exact=True).fill(text)
    return letter


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_every_channel_type_gets_its_way_of_sending(page, hostile_server, language):
    code, strings = language.code, STRINGS[language.code]
    watch = Watch(page, hostile_server)
    sent = []
    page.on("request", lambda request: sent.append(request.url + " " + (request.post_data or "")))
    page.goto(hostile_server + language.url_prefix + "providers/hostile-mail/?sender=news@shop.example")
    letter = fill_letter(page, code, me="reader@hostile-mail.example", date="2026-11-20", subject="Order 42 & <b>receipt</b>",
                         name='Layla <img src=x onerror="window.__pwned=1">')
    text = letter.locator("#dmm-letter-text").input_value()
    for expected in ("reader@hostile-mail.example", "news@shop.example", "shop.example", "2026-11-20",
                     "Order 42 & <b>receipt</b>", "Layla", strings["letter_found_spam"]):
        assert expected in text, expected

    # E-mail: a mailto link addressed to the channel, with the letter as subject and body.
    address = next(channel["address"] for channel in HOSTILE["complaint"] if channel["type"] == "email")
    link = letter.locator(f'a[data-dmm-mailto="{address}"]')
    href = link.get_attribute("href")
    parts = urlsplit(href)
    assert parts.scheme == "mailto" and unquote(parts.path) == address
    query = parse_qs(parts.query)
    assert text.startswith(query["subject"][0]) and query["body"][0] in text and "Layla" in query["body"][0]
    assert set(query) == {"subject", "body"}, "the letter cannot add recipients (cc, bcc) through the data"

    # Web form and support ticket: copy, then open the form.
    for kind in ("web-form", "ticket"):
        form = next(channel for channel in HOSTILE["complaint"] if channel["type"] == kind)
        assert letter.locator(f'a[href="{form["url"]}"]').count() == 1, kind
    # In-app: the steps are on the page above; the letter says to open it and paste.
    assert letter.get_by_text(strings["ui_letter_inapp"].split("{")[0].strip(), exact=False).count() >= 1
    # Phone and chat: a short script with the same facts.
    script = letter.locator("#dmm-letter-script").input_value()
    assert "news@shop.example" in script and "2026-11-20" in script

    # Found nowhere instead of in spam changes the letter.
    letter.locator("#dmm-letter-found").select_option("none")
    assert strings["letter_found_none"] in letter.locator("#dmm-letter-text").input_value()
    letter.get_by_role("button", name=strings["ui_letter_copy"]).click()
    assert page.evaluate("navigator.clipboard.readText()") == letter.locator("#dmm-letter-text").input_value()
    assert page.locator("[data-dmm-letter] svg, [data-dmm-letter] img, [data-dmm-letter] iframe").count() == 0
    assert page.evaluate("window.__pwned") is None
    assert [item for item in sent if "Layla" in item or "reader@hostile-mail" in item or "Order" in item] == [], \
        "what the reader types never leaves the browser"
    watch.assert_quiet(navigations_allowed=1)


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_workplace_letter_is_addressed_to_it(page, site_server, language):
    code, strings = language.code, STRINGS[language.code]
    page.goto(site_server + language.url_prefix + "providers/microsoft-365/?sender=invoices@supplier.example")
    letter = fill_letter(page, code, subject="Invoice 7")
    text = letter.locator("#dmm-letter-text").input_value()
    assert text.startswith(strings["letter_subject_it"].format(sender="invoices@supplier.example"))
    assert "Invoice 7" in text and "supplier.example" in text
    assert strings["ui_letter_it"] in letter.inner_text()


DATASET = load_dataset()
# A mailbox provider (not a workplace filter) with no complaint channel of any type, so none that reaches a person.
NO_PERSON = next(slug for slug, entry in sorted(DATASET.providers.items())
                 if entry["kind"] == MAILBOX_KIND and not entry["complaint"])


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_without_a_channel_to_a_person_the_guide_says_so(page, site_server, language):
    strings = STRINGS[language.code]
    page.goto(site_server + language.url_prefix + f"providers/{NO_PERSON}/")
    complain = page.locator("article").inner_text()
    assert strings["no_person_channel"].split("{name}")[0].strip() in complain
    assert page.locator("h2#letter").count() == 1, "the letter's heading keeps its anchor, apart from its text"
    # The letter is kept for later: no page text sends the reader "through the channels above".
    name = DATASET.providers[NO_PERSON]["name"][language.code]
    assert strings["section_letter_intro_none"].format(name=name) in complain
    assert strings["section_letter_intro"] not in complain
    assert strings["section_complain_intro_none"] in complain
    assert strings["section_complain_intro"] not in complain


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_letter_is_never_addressed_to_a_body_to_escalate_to(page, site_server, language):
    """Orange Jordan has no channel of its own, and Jordan's regulator takes complaints by e-mail: the
    guide lists the regulator under #escalate, but the letter, written to the provider, does not go there."""
    page.goto(site_server + language.url_prefix + "providers/orange-jo/")
    assert page.locator("#escalate ~ ul [data-dmm-channel='email']").count() >= 1
    name = DATASET.providers["orange-jo"]["name"][language.code]
    assert STRINGS[language.code]["section_letter_intro_none"].format(name=name) in page.locator("article").inner_text()
    assert page.locator("[data-dmm-letter] a[href^='mailto:']").count() == 0


def test_the_letter_can_be_written_in_a_language_the_channels_answer_in(page, site_server):
    """Posteo's support answers in German, English and French: on the Arabic guide the reader can
    write the letter in English (the e-mail it opens too), and go back to Arabic."""
    ar, en = STRINGS["ar"], STRINGS["en"]
    page.goto(site_server + "ar/providers/posteo/")
    letter = fill_letter(page, "ar", me="reader@posteo.de", sender="news@shop.example", date="2026-11-20",
                         subject="Order 42", name="Layla")
    box = letter.locator("#dmm-letter-text")
    assert ar["letter_found_spam"] in box.input_value()

    letter.get_by_role("button", name=ar["ui_letter_write_in_en"]).click()
    page.wait_for_function("document.querySelector('#dmm-letter-text').lang === 'en'")
    text = box.input_value()
    assert en["letter_found_spam"] in text and ar["letter_found_spam"] not in text
    assert all(value in text for value in ("reader@posteo.de", "news@shop.example", "2026-11-20", "Order 42", "Layla"))
    assert box.get_attribute("dir") == "ltr"
    mailto = letter.locator('a[data-dmm-mailto="support@posteo.de"]').get_attribute("href")
    assert en["letter_found_spam"] in parse_qs(urlsplit(mailto).query)["body"][0]

    letter.get_by_role("button", name=ar["ui_letter_write_in_ar"]).click()
    page.wait_for_function("document.querySelector('#dmm-letter-text').lang === 'ar'")
    assert ar["letter_found_spam"] in box.input_value() and box.get_attribute("dir") == "rtl"


@pytest.mark.parametrize("path", ["providers/posteo/", "ar/providers/outlook/"])
def test_no_language_choice_where_the_page_language_fits_or_is_not_known(page, site_server, path):
    """English is among Posteo's languages; Outlook's channels do not say which languages they
    answer in: in both cases the letter stays in the page's language without a choice."""
    page.goto(site_server + path)
    page.locator("#dmm-letter-text").wait_for()
    assert page.locator(".dmm-letter-language").count() == 0
