"""qr.js, the QR encoder the browser tools use, run in Chromium on the built site and compared module by
module with segno (the encoder of the build-time codes) for the same text: byte mode, UTF-8, level M,
the smallest version, the mask with the lowest penalty.

segno 1.6 pads one way the standard does not: when the bits after the terminator already end on a byte
boundary, it still adds eight zero bits (a 0x00 codeword before the 0xEC 0x11 pad codewords; open issues
heuer/segno#123 and #148). In byte mode that is every symbol that is not exactly full. qr.js follows
ISO/IEC 18004 7.4.10, so the reference is segno with that one function corrected; symbols with no pad
codewords, where the two cannot differ, are also compared with segno as it is.
"""
from __future__ import annotations

import io
import re

import pytest
import segno
import segno.encoder
from PIL import Image

pytestmark = pytest.mark.browser

MODULE = "assets/javascripts/dmm/qr.js"
MATRIX = ("async ([url, text]) => { const m = await import(url); const r = m.qrMatrix(text); "
          "return [r.version, r.mask, r.size, r.modules]; }")
ERROR = ("async ([url, text]) => { const m = await import(url); "
         "try { m.qrMatrix(text); return null; } catch (error) { return [error instanceof Error, error.message]; } }")
# The SVG for `text`, added to the page; what the tests read of it.
SVG = """async ([url, text, title, scale]) => {
  const m = await import(url);
  const svg = scale ? m.qrSvg(text, title, document, scale) : m.qrSvg(text, title, document);
  svg.id = "qr";
  document.body.prepend(svg);
  const attributes = (element) => Object.fromEntries([...element.attributes].map((a) => [a.name, a.value]));
  return {children: [...svg.children].map((child) => [child.localName, attributes(child)]), svg: attributes(svg),
          namespace: svg.namespaceURI, title: svg.querySelector("title").textContent,
          scripts: document.querySelectorAll("script").length, svgScripts: svg.querySelectorAll("script").length};
}"""

SHORT_URL = "https://example.org/find/"
PERSONAL_URL = "https://delivermymail.example/find/?sender=shop%40example.com&name=Caf%C3%A9%20%26%20Co"
LONG_URL = ("https://delivermymail.example/find/?sender=no-reply%40notifications.large-retailer.example.com"
            "&name=Large%20Retailer%20%E2%80%94%20Order%20updates%2C%20receipts%20and%20delivery%20notices%20for%20your%20account")
ARABIC_URL = "https://delivermymail.example/ar/find/?name=مكتبة الحي"
KILOBYTE = ("https://delivermymail.example/find/?sender=a%40example.com&name=" + "Caf%C3%A9%20" * 100)[:1000]


@pytest.fixture
def standard_segno(monkeypatch):
    """segno whose padding bits stop at the end of the byte, as ISO/IEC 18004 7.4.10 says."""
    monkeypatch.setattr(segno.encoder, "write_padding_bits", lambda buff, version, length: buff.extend([0] * (-length % 8)))


def reference(text: str) -> tuple[int, int, list[list[bool]]]:
    # micro=False: segno.make would otherwise choose a Micro QR symbol for the shortest texts ("" is M3-M).
    qr = segno.make(text, error="m", mode="byte", boost_error=False, encoding="utf-8", micro=False)
    assert qr.symbol_size(border=0) == (len(qr.matrix), len(qr.matrix))
    return qr.version, qr.mask, [[bool(module) for module in row] for row in qr.matrix]


def module_url(page, site_server) -> str:
    page.goto(site_server + "kit/")
    return site_server + MODULE


def browser_matrix(page, url: str, text: str) -> tuple[int, int, list[list[bool]]]:
    version, mask, size, modules = page.evaluate(MATRIX, [url, text])
    assert size == len(modules) == 4 * version + 17
    assert all(len(row) == size and all(isinstance(module, bool) for module in row) for row in modules)
    return version, mask, modules


def differences(ours: list[list[bool]], theirs: list[list[bool]]) -> list[tuple[int, int]]:
    """(row, column) of each module the two symbols do not share, or everything if the sizes differ."""
    if len(ours) != len(theirs):
        return [(-1, -1)]
    return [(i, j) for i, (a, b) in enumerate(zip(ours, theirs, strict=True)) for j in range(len(a)) if a[j] != b[j]]


@pytest.mark.parametrize(("text", "versions"), [
    pytest.param(SHORT_URL, range(1, 3), id="short-url"),
    pytest.param(PERSONAL_URL, range(5, 8), id="personalised-url"),
    pytest.param(LONG_URL, range(10, 13), id="version-information-and-16-bit-count"),
    pytest.param(ARABIC_URL, range(1, 41), id="arabic-utf8"),
    pytest.param(KILOBYTE, range(20, 31), id="kilobyte-tens-of-blocks"),
    pytest.param("", range(1, 2), id="empty"),
    # Masks 4 and 5 score the same lowest penalty here: the lower number is chosen.
    pytest.param("https://example.org/find/?sender=shop263%40example.com&name=Shop", range(5, 6), id="mask-tie"),
    # Some masks here have two 1:1:3:1:1 patterns sharing modules (10111011101): once one scores, it is
    # stepped over whole, as segno does; scoring both would choose mask 3 instead of 5.
    pytest.param("https://example.org/find/?sender=shop5227%40example.com&name=Shop", range(5, 6), id="overlapping-finder-like"),
])
def test_every_module_matches_segno(page, site_server, standard_segno, text, versions):
    version, mask, modules = browser_matrix(page, module_url(page, site_server), text)
    expected_version, expected_mask, expected = reference(text)
    assert version == expected_version and version in versions
    assert mask == expected_mask
    assert differences(modules, expected) == []


@pytest.mark.parametrize(("text", "version"), [pytest.param("x" * 14, 1, id="1-M-full"),
                                               pytest.param("https://example.org/" + "y" * 2311, 40, id="40-M-full")])
def test_a_full_symbol_matches_segno_as_it_is(page, site_server, text, version):
    """No pad codewords, so segno's padding cannot differ: here the reference is segno unchanged."""
    ours = browser_matrix(page, module_url(page, site_server), text)
    theirs = reference(text)
    assert ours[0] == theirs[0] == version
    assert ours[1] == theirs[1]
    assert differences(ours[2], theirs[2]) == []


@pytest.mark.parametrize("text", [pytest.param("x" * 2332, id="ascii"), pytest.param("ب" * 1166, id="arabic-2-bytes-each")])
def test_a_text_too_long_for_40_m_throws(page, site_server, text):
    with pytest.raises(segno.encoder.DataOverflowError):
        reference(text)
    assert page.evaluate(ERROR, [module_url(page, site_server), text]) == [
        True, "QR code: the text is 2332 bytes in UTF-8, more than the 2331 bytes version 40-M holds"]


def test_svg_title_is_text_not_markup(page, site_server):
    url = module_url(page, site_server)
    scripts = page.evaluate("document.querySelectorAll('script').length")
    title = "<script>alert(1)</script>"
    found = page.evaluate(SVG, [url, SHORT_URL, title, None])
    assert found["title"] == title
    assert found["svgScripts"] == 0 and found["scripts"] == scripts
    assert found["children"][0] == ["title", {}]
    assert page.locator("#qr title").evaluate("(node) => node.childNodes.length === 1 && node.firstChild.nodeType === Node.TEXT_NODE")


PATH_RUN = re.compile(r"M(\d+) (\d+)h(\d+)v1h-(\d+)z")


@pytest.mark.parametrize("scale", [None, 4])
def test_svg_draws_exactly_the_dark_modules(page, site_server, standard_segno, scale):
    url = module_url(page, site_server)
    found = page.evaluate(SVG, [url, PERSONAL_URL, "Find my guide", scale])
    version, _, expected = reference(PERSONAL_URL)
    size = 4 * version + 17
    full = size + 4  # a quiet zone of two modules on each side
    assert found["namespace"] == "http://www.w3.org/2000/svg"
    assert found["svg"]["viewBox"] == f"0 0 {full} {full}"
    assert found["svg"]["width"] == found["svg"]["height"] == str(full * (scale or 6))
    assert found["svg"]["role"] == "img"
    assert [name for name, _ in found["children"]] == ["title", "rect", "path"]
    rect, path = found["children"][1][1], found["children"][2][1]
    assert rect["fill"].lower() in ("#fff", "#ffffff", "white") and rect["width"] == rect["height"] == str(full)
    assert path["fill"].lower() in ("#000", "#000000", "black")
    # The path is nothing but one-module-high runs; together they cover each dark module once.
    assert PATH_RUN.sub("", path["d"]) == ""
    drawn = []
    for x, y, width, back in PATH_RUN.findall(path["d"]):
        assert width == back
        drawn += [(int(y) - 2, int(x) - 2 + k) for k in range(int(width))]
    dark = [(i, j) for i, row in enumerate(expected) for j, module in enumerate(row) if module]
    assert len(drawn) == len(set(drawn)) == len(dark)
    assert sorted(drawn) == dark


def test_svg_renders_the_symbol(page, site_server, standard_segno):
    """What Chromium paints: the centre of each module, quiet zone included, at 6 px a module."""
    page.evaluate(SVG, [module_url(page, site_server), SHORT_URL, "Find my guide", None])
    image = Image.open(io.BytesIO(page.locator("#qr").screenshot())).convert("L")
    _, _, expected = reference(SHORT_URL)
    full = len(expected) + 4
    assert image.size == (full * 6, full * 6)
    painted = [[image.getpixel((j * 6 + 3, i * 6 + 3)) < 128 for j in range(full)] for i in range(full)]
    quiet = [False] * full
    assert painted == [quiet, quiet] + [[False, False, *row, False, False] for row in expected] + [quiet, quiet]
