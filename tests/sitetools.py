"""Helpers the tests share: build a copy of the project, read built pages, serve a site."""
from __future__ import annotations

import functools
import http.server
import socket
import subprocess
import threading
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

from delivermymail import paths
from delivermymail.project import copy_project, mkdocs_build  # noqa: F401  (re-exported for the tests)

ROOT = paths.ROOT
FIXTURES = ROOT / "tests" / "fixtures"
CHROMIUM = Path("/usr/bin/chromium")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


# The test site is built for, and served at, a sub-path as on GitHub project pages, so that
# the address the build writes into pages is the address the browser loads them from.
TEST_PORT = _free_port()
TEST_SITE_URL = f"http://127.0.0.1:{TEST_PORT}/dmm/"


def build(project: Path, site_dir: Path, site_url: str = TEST_SITE_URL) -> subprocess.CompletedProcess:
    return mkdocs_build(project, site_dir, site_url, REPO_URL="https://github.com/example/deliver-my-mail")


class PageParser(HTMLParser):
    """Collects what the tests look at: the html element, ids, links, resources and alternates, and
    the theme's own words around the article (the names it gives its buttons, and the footer)."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.html_attrs: dict = {}
        self.ids: set[str] = set()
        self.links: list[str] = []
        self.resources: list[tuple[str, str]] = []
        self.alternates: dict[str, str] = {}
        self.elements: list[tuple[str, dict]] = []
        self.scripts: list[str] = []
        self.theme_labels: list[str] = []
        self.footer_text: list[str] = []
        self._in_script = False
        self._article_depth = 0
        self._footer_depth = 0

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        self.elements.append((tag, attributes))
        if tag == "html":
            self.html_attrs = attributes
        if "id" in attributes:
            self.ids.add(attributes["id"])
        if tag == "a" and attributes.get("href"):
            self.links.append(attributes["href"])
        if tag == "link" and attributes.get("rel") == "alternate" and attributes.get("hreflang"):
            self.alternates[attributes["hreflang"]] = attributes["href"]
        elif tag == "link" and attributes.get("href") and attributes.get("rel") != "canonical":
            self.resources.append((tag, attributes["href"]))
        for name in ("src", "srcset", "poster", "data"):
            if attributes.get(name):
                self.resources.append((tag, attributes[name]))
        self._in_script = tag == "script"
        self._article_depth += tag == "article"
        if not self._article_depth:
            self.theme_labels += [attributes[name] for name in ("title", "aria-label", "placeholder") if attributes.get(name)]
        if tag == "div" and (self._footer_depth or "md-copyright" in (attributes.get("class") or "").split()):
            self._footer_depth += 1

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False
        self._article_depth -= tag == "article"
        if tag == "div" and self._footer_depth:
            self._footer_depth -= 1

    def handle_data(self, data):
        if self._in_script:
            self.scripts.append(data)
        if self._footer_depth and data.strip():
            self.footer_text.append(data.strip())


@functools.cache
def parse(file: Path) -> PageParser:
    parser = PageParser()
    parser.feed(file.read_text(encoding="utf-8"))
    return parser


def pages(site: Path) -> list[Path]:
    """Every HTML page of a built site (search and asset folders excluded)."""
    return sorted(path for path in site.rglob("*.html") if "assets" not in path.relative_to(site).parts)


def page_url(site: Path, file: Path) -> str:
    """The site-relative URL of a built page: 'ar/providers/gmail/'."""
    relative = file.relative_to(site).as_posix()
    return relative[: -len("index.html")] if relative.endswith("index.html") else relative


def resolve(site: Path, file: Path, href: str) -> tuple[Path | None, str]:
    """The file and fragment an internal link points to, or (None, '') for an external link.
    Absolute paths (the 404 page uses them) start with the path of TEST_SITE_URL."""
    parts = urlsplit(href)
    if parts.scheme or parts.netloc:
        return None, ""
    root_path = urlsplit(TEST_SITE_URL).path
    if parts.path.startswith("/"):
        parts = parts._replace(path="/" + parts.path[len(root_path):] if parts.path.startswith(root_path) else parts.path)
        base = "/"
    else:
        base = "/" + page_url(site, file)
    target = urlsplit(urljoin(base, parts.path)).path if parts.path else base
    path = site / unquote(target.lstrip("/"))
    if target.endswith("/") or path.is_dir():
        path = path / "index.html"
    return path, unquote(parts.fragment)


class SubPathHandler(http.server.SimpleHTTPRequestHandler):
    """Serves the site under /dmm/, as GitHub Pages serves a project site under /<repository>/."""

    prefix = urlsplit(TEST_SITE_URL).path

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return str(Path(self.directory) / "no-such-file")
        return super().translate_path("/" + path[len(self.prefix):])

    def send_error(self, code, message=None, explain=None):
        """A missing address gets the site's 404.html, with status 404, as on GitHub Pages."""
        page = Path(self.directory) / "404.html"
        if code != 404 or not page.is_file():
            return super().send_error(code, message, explain)
        body = page.read_bytes()
        self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def end_headers(self):
        # As GitHub Pages does: browsers may reuse a file for ten minutes without asking again.
        self.send_header("Cache-Control", "max-age=600")
        super().end_headers()

    def log_message(self, *args):
        pass


def serve(site: Path, port: int = 0):
    """Serve a built site on a local port; returns (base URL, server)."""
    handler = functools.partial(SubPathHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_address[1]}{SubPathHandler.prefix}", server


class Watch:
    """Counts what a page must never do: open a dialog, navigate on its own, ask another origin,
    or break its Content-Security-Policy (Chromium reports each violation on the console)."""

    def __init__(self, page, base: str):
        self.dialogs, self.navigations, self.foreign, self.violations, self.requests = [], [], [], [], []
        page.on("dialog", lambda dialog: (self.dialogs.append(dialog.message), dialog.dismiss()))
        page.on("framenavigated", lambda frame: self.navigations.append(frame.url) if frame == page.main_frame else None)
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("request", lambda request: None if request.url.startswith((base, "data:")) else self.foreign.append(request.url))
        page.on("console", lambda message: self.violations.append(message.text)
                if "Content Security Policy" in message.text else None)

    def assert_quiet(self, navigations_allowed: int):
        assert self.requests, "the page made no request at all: the listeners are not working"
        assert self.dialogs == []
        assert self.foreign == []
        assert len(self.navigations) <= navigations_allowed, self.navigations
        assert self.violations == []


def type_search(page, query: str):
    """Type into the theme's search box as a reader does and wait for the results list (typing
    again if the keys came before the search worker was ready). Returns the results locator."""
    box = page.locator(".md-search__input")
    box.click()
    box.press_sequentially(query, delay=10)
    results = page.locator(".md-search-result__item")
    for _ in range(10):
        try:
            results.first.wait_for(timeout=1000)
            return results
        except Exception:
            box.press("Space")
            box.press("Backspace")
    return results
