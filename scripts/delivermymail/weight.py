"""What a reader on a phone downloads: a guide visited with an empty cache, then a second guide.

Measured in Chromium (Debian's, driven by Playwright from the test dependencies) on a built site,
with each response counted as a web server would send it: gzip for text, as is for fonts and
images. `dmm bench --weight` prints the figures against the targets; the tests use `visit` to
prove what is and is not requested (search only when used, the Arabic face only for Arabic).
"""
from __future__ import annotations

import functools
import gzip
import http.server
import threading
from pathlib import Path
from urllib.parse import unquote, urlsplit

CHROMIUM = Path("/usr/bin/chromium")
TARGETS = {"first": 120_000, "warm": 10_000}     # bytes: issue 12's targets for an Arabic guide
PAIRS = [("ar/providers/gmail/", "ar/providers/outlook/"), ("providers/gmail/", "providers/yahoo/")]
_UNCOMPRESSED = (".woff2", ".png")


def transferred(site: Path, base: str, responses: list[tuple[str, bool]]) -> int:
    """Bytes a server compressing with gzip would send for the responses not served from cache."""
    total = 0
    for url, from_cache in responses:
        if from_cache:
            continue
        path = unquote(urlsplit(url).path)[len(urlsplit(base).path):]
        file = site / path
        if file.is_dir() or not path:
            file = file / "index.html"
        if not file.exists():
            file = site / "404.html"      # what the server sends for an address it does not have
        data = file.read_bytes()
        total += len(data) if file.suffix in _UNCOMPRESSED else len(gzip.compress(data, 6))
    return total


def visit(page, cdp, url: str, base: str) -> list[tuple[str, bool]]:
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
    return [(address, lengths.get(request, 0) == 0) for request, address in urls.items() if address.startswith(base)]


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def measure(site: Path) -> list[dict]:
    """First visit and warm second page for each pair of PAIRS, on a local server of `site`."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    rows = []
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            for first, second in PAIRS:
                context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
                page = context.new_page()
                cdp = context.new_cdp_session(page)
                cdp.send("Network.enable")
                rows.append({"first": first, "second": second,
                             "first_bytes": transferred(site, base, visit(page, cdp, base + first, base)),
                             "warm_bytes": transferred(site, base, visit(page, cdp, base + second, base))})
                context.close()
            browser.close()
    finally:
        server.shutdown()
    return rows


def report(rows: list[dict]) -> None:
    for row in rows:
        first, warm = row["first_bytes"], row["warm_bytes"]
        print(f"{row['first']:24} first visit {first / 1000:6.1f} KB (target {TARGETS['first'] / 1000:.0f} KB: "
              f"{'met' if first <= TARGETS['first'] else 'MISSED'}); then {row['second']}: {warm / 1000:5.1f} KB "
              f"(target {TARGETS['warm'] / 1000:.0f} KB: {'met' if warm <= TARGETS['warm'] else 'MISSED'})")
