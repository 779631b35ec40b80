"""Hostile data and hostile links in Chromium: nothing runs, nothing leaves, no policy is broken."""
from __future__ import annotations

from urllib.parse import quote, urlsplit

import pytest
from sitetools import Watch, pages, type_search

from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

pytestmark = pytest.mark.browser
STRINGS = load_strings(site_languages()).by_language


@pytest.mark.parametrize("language, query, shown", [
    ("", "Search Mail", "Search Mail<img src=x onerror=alert(document.domain)>"),
    ("", "Searchable", "<style>body{display:none}</style>"),
    ("ar/", "بريد البحث", "بريد البحث<img src=x onerror=alert(document.domain)>"),
    ("ar/", "يبحث عنه القارئ", '<meta http-equiv=refresh content="0;url=https://evil.example/">'),
])
def test_hostile_names_in_search_results_stay_text(page, hostile_server, language, query, shown):
    watch = Watch(page, hostile_server)
    page.goto(hostile_server + language)
    results = type_search(page, query)
    text = results.all_inner_texts()
    assert any(shown in item for item in text), text
    assert page.locator(".md-search-result img, .md-search-result meta, .md-search-result style").count() == 0
    watch.assert_quiet(navigations_allowed=1)
    assert page.url == hostile_server + language


def test_every_page_carries_the_policy(site):
    for file in pages(site):
        head = file.read_text(encoding="utf-8").split("</head>", 1)[0]
        assert '<meta http-equiv="Content-Security-Policy"' in head, file
        policy = head.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        for directive in ("default-src 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'none'"):
            assert directive in policy, (file, directive)
        assert "http" not in policy and "*" not in policy and "unsafe" not in policy, (file, policy)
        # The policy comes before any script, or it would not cover it.
        assert head.index("Content-Security-Policy") < head.find("<script") or "<script" not in head, file


@pytest.mark.parametrize("language", [language.url_prefix for language in site_languages()])
def test_tools_that_build_pages_break_no_policy(page, site_server, language):
    """Every page type is loaded with a Watch in tests/test_accessibility.py; here the tools that
    build content at run time: search, the finder, a personalised guide, the kit."""
    watch = Watch(page, site_server)
    page.goto(site_server + language)
    assert type_search(page, "Gmail").count()
    # The finder, given an address in the link, opens that address's guide by itself: wait for it,
    # or the next address would race it.
    page.goto(site_server + language + "find/#someone@gmail.com")
    page.wait_for_url(site_server + language + "providers/gmail/")
    for path in ("providers/gmail/?sender=news@shop.example&name=Shop", "kit/"):
        page.goto(site_server + language + path)
    page.wait_for_url(site_server + language + "kit/")
    watch.assert_quiet(navigations_allowed=6)


def test_hostile_guides_break_no_policy(page, hostile_server):
    watch = Watch(page, hostile_server)
    for path in ("providers/hostile-mail/", "ar/providers/hostile-mail/", "providers/search-mail/", "providers/",
                 "providers/hostile-isp/", "ar/providers/escalation/",
                 "ar/providers/regions/", "providers/for-senders/"):
        page.goto(hostile_server + path)
    watch.assert_quiet(navigations_allowed=8)


@pytest.mark.parametrize("language", [language for language in site_languages()])
def test_sender_with_invisible_characters_is_refused(page, site_server, language):
    prefix, code = language.url_prefix, language.code
    page.goto(site_server + prefix + "providers/gmail/?sender=%E2%80%AEmoc.lapyap@troppus.ai&name=PayPal")
    top = page.locator("[data-dmm-sender]")
    assert STRINGS[code]["ui_sender_invalid"] in top.inner_text()
    assert page.locator(".dmm-sender-address").count() == 0
    assert "PayPal" not in page.locator("article").inner_text()
    assert page.locator("#dmm-letter-sender, [name=sender]").evaluate_all(
        "fields => fields.map(field => field.value)") in ([], [""])


def test_name_with_invisible_characters_is_not_shown(page, site_server):
    page.goto(site_server + "providers/gmail/?sender=news@shop.example&name=" + quote("\u202eLapyaP"))
    top = page.locator("[data-dmm-sender]").inner_text()
    assert "news@shop.example" in top
    assert "LapyaP" not in top and "\u202e" not in top


def test_404_language_switcher_goes_to_the_home_pages(site):
    html = (site / "404.html").read_text(encoding="utf-8")
    links = dict((hreflang, href) for href, hreflang in
                 __import__("re").findall(r'<a href="([^"]+)" hreflang="([^"]+)" class="md-select__link"', html))
    base = urlsplit(__import__("sitetools").TEST_SITE_URL).path
    assert links == {language.code: base + language.url_prefix for language in site_languages()}
