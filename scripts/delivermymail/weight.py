"""What a reader on a phone downloads: a guide visited with an empty cache, then a second guide.

Measured in Chromium (Debian's, driven by Playwright from the test dependencies) on a built site,
with each response counted as a web server would send it: gzip for text, as is for fonts and
images. `dmm bench --weight` prints the figures against the targets; the tests use `visit` to
prove what is and is not requested (search only when used, the Arabic face only for Arabic).
"""
from __future__ import annotations

import contextlib
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
    """Serves the site as GitHub Pages does for caching: ten minutes' freshness (max-age=600), so a
    second page reuses what the first loaded however recently the site was built."""

    def end_headers(self):
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


@contextlib.contextmanager
def served_in_chromium(site: Path):
    """The built site on a local server (as GitHub Pages caches it) and Chromium: yields (base, browser)."""
    from playwright.sync_api import sync_playwright

    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=["--no-sandbox", "--disable-gpu"])
            yield f"http://127.0.0.1:{server.server_address[1]}/", browser
            browser.close()
    finally:
        server.shutdown()


def measure(site: Path) -> list[dict]:
    """First visit and warm second page for each pair of PAIRS, on a local server of `site`."""
    rows = []
    with served_in_chromium(site) as (base, browser):
        for first, second in PAIRS:
            context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True)
            page = context.new_page()
            cdp = context.new_cdp_session(page)
            cdp.send("Network.enable")
            rows.append({"first": first, "second": second,
                         "first_bytes": transferred(site, base, visit(page, cdp, base + first, base)),
                         "warm_bytes": transferred(site, base, visit(page, cdp, base + second, base))})
            context.close()
    return rows


def report(rows: list[dict]) -> None:
    for row in rows:
        first, warm = row["first_bytes"], row["warm_bytes"]
        print(f"{row['first']:24} first visit {first / 1000:6.1f} KB (target {TARGETS['first'] / 1000:.0f} KB: "
              f"{'met' if first <= TARGETS['first'] else 'MISSED'}); then {row['second']}: {warm / 1000:5.1f} KB "
              f"(target {TARGETS['warm'] / 1000:.0f} KB: {'met' if warm <= TARGETS['warm'] else 'MISSED'})")


# The header reader's promise (issue 14): a megabyte is analysed within a second, or refused.
READER_TARGET_MS = 1000


def reader_cases(headers: str) -> dict[str, str]:
    """About a megabyte each: a message with a long body, and nothing but headers."""
    hops = "\n".join(f"Received: from relay{i}.example.net ([192.0.2.{i % 250}]) by mx{i}.example.org with ESMTPS id x{i}; "
                     f"Mon, 2 Nov 2020 01:57:24 -0800\nX-Spam-Status: No, score=0.{i % 9} required=5.0 tests=BAYES_00,RULE_{i}"
                     for i in range(5000))
    return {"1 MB message (headers + body)": (headers + "\n\n" + "A line of the body.\n" * 52000)[:1_000_000],
            "1 MB of headers (5,000 Received hops)": (headers + "\n" + hops)[:1_000_000]}


def header_reader_timing(site: Path, sample: Path) -> list[tuple[str, int, float]]:
    """Milliseconds the header reader takes to explain about a megabyte (best of three), in Chromium."""
    rows = []
    with served_in_chromium(site) as (base, browser):
        page = browser.new_page()
        page.goto(base + "headers/", wait_until="networkidle")
        for name, text in reader_cases(sample.read_text(encoding="utf-8").split("\n\n")[0]).items():
            size, best = page.evaluate("""async ([url, text]) => {
                const reader = await import(url);
                const output = document.createElement("div");
                let best = Infinity;
                for (let run = 0; run < 3; run += 1) {
                    const start = performance.now();
                    reader.explain(text, output);
                    best = Math.min(best, performance.now() - start);
                }
                return [text.length, best];
            }""", [base + "assets/javascripts/dmm/headers.js", text])
            rows.append((name, size, best))
    return rows


def report_reader(rows: list[tuple[str, int, float]]) -> None:
    for name, size, milliseconds in rows:
        print(f"header reader, {name:40} {size / 1e6:4.2f} MB in {milliseconds:7.1f} ms "
              f"(target {READER_TARGET_MS} ms: {'met' if milliseconds <= READER_TARGET_MS else 'MISSED'})")
