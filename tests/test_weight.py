"""What a reader on a slow phone downloads: measured in Chromium, compressed as a web server would."""
from __future__ import annotations

import gzip
from urllib.parse import unquote, urlsplit

import pytest
from sitetools import TEST_SITE_URL

pytestmark = pytest.mark.browser
FIRST_VISIT_BUDGET = 200_000      # bytes, compressed, fonts included
WARM_PAGE_BUDGET = 20_000         # bytes, compressed, for a second page with a warm cache


def transferred(site, responses) -> int:
    """Bytes a server compressing with gzip would send for the responses not served from cache."""
    total = 0
    for url, from_cache in responses:
        if from_cache:
            continue
        path = unquote(urlsplit(url).path)[len(urlsplit(TEST_SITE_URL).path):]
        file = site / path
        if file.is_dir() or not path:
            file = file / "index.html"
        if not file.exists():
            file = site / "404.html"      # what the server sends for an address it does not have
        data = file.read_bytes()
        compressible = file.suffix not in (".woff2", ".png")
        total += len(gzip.compress(data, 6)) if compressible else len(data)
    return total


def visit(page, cdp, url) -> list[tuple[str, bool]]:
    """Load a page; return (url, came from the cache) for every response from the site. A response
    that crossed the network has a non-zero encoded length when it finished loading."""
    urls, lengths = {}, {}

    def received(event):
        urls[event["requestId"]] = event["response"]["url"]

    def finished(event):
        lengths[event["requestId"]] = event["encodedDataLength"]

    cdp.on("Network.responseReceived", received)
    cdp.on("Network.loadingFinished", finished)
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(300)
    cdp.remove_listener("Network.responseReceived", received)
    cdp.remove_listener("Network.loadingFinished", finished)
    return [(address, lengths.get(request, 0) == 0) for request, address in urls.items()
            if address.startswith(TEST_SITE_URL)]


@pytest.mark.parametrize("first, second", [("ar/providers/gmail/", "ar/providers/outlook/"),
                                           ("providers/gmail/", "providers/yahoo/")])
def test_page_weight(browser, site, site_server, first, second, capsys):
    context = browser.new_context()
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    first_visit = transferred(site, visit(page, cdp, site_server + first))
    warm = transferred(site, visit(page, cdp, site_server + second))
    context.close()
    with capsys.disabled():
        print(f"\n{first}: first visit {first_visit / 1000:.1f} KB; then {second}: {warm / 1000:.1f} KB")
    assert first_visit <= FIRST_VISIT_BUDGET
    assert warm <= WARM_PAGE_BUDGET
