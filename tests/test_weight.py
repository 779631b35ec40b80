"""What a reader's phone downloads, as a reader meets it in Chromium: search only when it is used,
the Arabic face only where Arabic is shown, nothing but the page on a second visit. The figures
against the targets are printed by `dmm bench --weight SITE` (delivermymail/weight.py)."""
from __future__ import annotations

import pytest
from sitetools import TEST_SITE_URL, type_search

from delivermymail.languages import site_languages
from delivermymail.strings import load_strings
from delivermymail.weight import PAIRS, visit

pytestmark = pytest.mark.browser


def fetched(responses, needle) -> list[str]:
    return [url for url, from_cache in responses if needle in url and not from_cache]


@pytest.fixture
def network(browser):
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    yield page, cdp
    context.close()


@pytest.mark.parametrize("first, second", PAIRS)
def test_a_second_guide_downloads_only_its_page(network, site_server, first, second):
    page, cdp = network
    visit(page, cdp, site_server + first, TEST_SITE_URL)
    again = [url for url, from_cache in visit(page, cdp, site_server + second, TEST_SITE_URL) if not from_cache]
    assert again == [site_server + second]


def test_search_is_downloaded_only_when_the_reader_searches(network, site_server):
    page, cdp = network
    responses, workers = [], []
    cdp.on("Network.responseReceived", lambda event: responses.append((event["response"]["url"], False)))
    page.on("worker", lambda worker: workers.append(worker.url))
    page.goto(site_server + "ar/providers/gmail/", wait_until="networkidle")
    page.wait_for_timeout(500)
    # The worker fetches the language's word rules itself: no worker, no word rules.
    assert fetched(responses, "/search/search_index.json") == []
    assert workers == [], "the search worker must not start before the reader searches"
    results = type_search(page, "جيميل")
    assert results.count(), "search must still work once opened (the worker ran: it alone answers)"
    assert fetched(responses, "/ar/search/search_index.json")
    assert len(workers) == 1 and "/workers/search." in workers[0]


# The English Gmail and Outlook guides show Arabic interface labels in their tables of labels.
@pytest.mark.parametrize("path, arabic", [("providers/gmail/", False), ("providers/outlook/", False),
                                          ("ar/providers/gmail/", True)])
def test_the_arabic_face_is_downloaded_only_for_arabic_pages(network, site_server, path, arabic):
    page, cdp = network
    fonts = [url for url, _ in visit(page, cdp, site_server + path, TEST_SITE_URL) if url.endswith(".woff2")]
    assert bool(fonts) == arabic, fonts


@pytest.mark.parametrize("path, own, other", [("ar/providers/gmail/", "ar", "en"), ("providers/gmail/", "en", "ar")])
def test_a_guide_downloads_its_own_language_s_strings_and_no_finder(network, site_server, path, own, other):
    page, cdp = network
    urls = [url for url, _ in visit(page, cdp, site_server + path, TEST_SITE_URL)]
    assert [url for url in urls if "/dmm-strings-" in url] == [f"{site_server}assets/generated/dmm-strings-{own}.js"]
    assert not [url for url in urls if url.endswith(("/finder.js", "/find.js", "/dmm-names.js", f"dmm-strings-{other}.js"))]
    # The tools started once the strings came: the letter's first field is labelled in the page's language.
    texts = load_strings(site_languages()).by_language[own]
    assert page.locator("[data-dmm-letter] label").first.inner_text() == texts["ui_letter_me"]


def test_the_finder_is_downloaded_where_there_is_a_finder(network, site_server):
    page, cdp = network
    urls = [url for url, _ in visit(page, cdp, site_server + "ar/", TEST_SITE_URL)]
    assert [url for url in urls if url.endswith("/finder.js")] == [site_server + "assets/javascripts/dmm/finder.js"]
    assert [url for url in urls if url.endswith("/dmm-names.js")] == [site_server + "assets/generated/dmm-names.js"]
