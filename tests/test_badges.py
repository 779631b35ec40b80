"""Badges as a host page and a mail program receive them: self-contained, accessible, shaped."""
from __future__ import annotations

import io
import os
import re
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from sitetools import ROOT

from delivermymail.badges import SVG_BUDGET, Badge, face, render_svg, shape_line
from delivermymail.dataset import load_dataset
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

SVG = "{http://www.w3.org/2000/svg}"
REFERENCES = ROOT / "tests" / "reference"
DATASET = load_dataset()


def badge_svgs(site: Path) -> list[Path]:
    return sorted((site / "badges").rglob("*.svg"))


def test_badges_exist_for_every_variant(site):
    names = {path.relative_to(site / "badges").as_posix() for path in badge_svgs(site)}
    for language in site_languages():
        for style in ("compact", "pill", "card"):
            for theme in ("light", "dark"):
                for size in ("sm", "md", "lg"):
                    assert f"deliver-my-mail-{language.code}-{style}-{theme}-{size}.svg" in names
        assert {f"providers/{slug}-{language.code}-light.svg" for slug in DATASET.providers} <= names


def test_every_svg_is_self_contained_and_accessible(site):
    arabic = re.compile(r"[\u0600-\u06FF]")
    for path in badge_svgs(site):
        text = path.read_text(encoding="utf-8")
        root = ET.fromstring(text)
        assert root.tag == f"{SVG}svg", path
        assert root.get("role") == "img", path
        label = root.get("aria-label")
        title = root.find(f"{SVG}title")
        assert label and title is not None and title.text == label, path
        assert bool(arabic.search(label)) == (root.get("lang") == "ar"), path
        # Nothing outside itself: no links, images, scripts, styles or fonts to fetch.
        assert not re.search(r"href|<image|<script|<style|<foreignObject|url\(|@import", text), path
        assert re.findall(r"https?://[^\"]+", text) == ["http://www.w3.org/2000/svg"], path
        ids = re.findall(r'\bid="([^"]+)"', text)
        assert ids == [], f"{path}: ids would collide when several badges are inlined"
        assert int(root.get("width")) > 0 and int(root.get("height")) > 0


def test_campaign_badges_stay_within_budget(site):
    for path in (site / "badges").glob("deliver-my-mail-*.svg"):
        style = path.stem.split("-")[4]
        assert path.stat().st_size <= SVG_BUDGET[style], f"{path.name}: {path.stat().st_size} bytes"


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_pngs_decode_with_the_expected_dimensions(site):
    from PIL import Image

    checked = 0
    for svg in (site / "badges").glob("deliver-my-mail-*.svg"):
        root = ET.fromstring(svg.read_text(encoding="utf-8"))
        width, height = int(root.get("width")), int(root.get("height"))
        for suffix, factor in ((".png", 1), ("@2x.png", 2)):
            data = svg.with_name(svg.stem + suffix).read_bytes()
            assert png_size(data) == (width * factor, height * factor)
            image = Image.open(io.BytesIO(data))
            image.load()
            assert image.size == (width * factor, height * factor)
            # Not blank: the badge's own pixels are there.
            assert len(image.convert("RGB").getcolors(maxcolors=1 << 20)) > 10
            checked += 1
    assert checked == 2 * 2 * 3 * 2 * 3


# Arabic letters take their joined forms. The Unicode presentation forms name each joined form,
# and the font maps them to the very glyphs that shaping must choose; a letter that stands alone
# keeps its nominal glyph.
JOINED = [
    # beh initial, reh final, yeh initial, dal final, yeh alone
    ("بريدي", ["\uFE91", "\uFEAE", "\uFEF3", "\uFEAA", "ي"]),
    # reh alone, seen initial, alef final, lam initial, teh medial, noon medial, alef final
    ("رسالتنا", ["ر", "\uFEB3", "\uFE8E", "\uFEDF", "\uFE98", "\uFEE8", "\uFE8E"]),
]


@pytest.mark.parametrize("word, forms", JOINED)
def test_arabic_is_drawn_with_joined_forms(word, forms):
    font = face("badge-arabic.ttf")
    expected = [font.cmap[ord(form)] for form in forms]   # glyph names
    drawn = shape_line(word, 14, True).glyphs
    assert list(reversed(drawn)) == expected          # drawn left to right; the word reads right to left
    isolated = [font.cmap[ord(char)] for char in word]
    assert sum(a != b for a, b in zip(drawn[::-1], isolated, strict=False)) >= len(word) - 2


def _glyph_points(path: str) -> list[list[tuple[float, float]]]:
    """The points of each glyph of a badge path (each glyph starts with an absolute M), read as SVG
    reads the path: relative to the current point, which "z" moves back to the start of the contour."""
    glyphs, current, start = [], (0.0, 0.0), (0.0, 0.0)
    for command, numbers in re.findall(r"([Mmlqcz])([^Mmlqcz]*)", path):
        values = [float(number) for number in re.findall(r"-?(?:\d+\.?\d*|\.\d+)", numbers)]
        if command == "z":
            current = start
            continue
        if command == "M":
            current = start = (values[0], values[1])
            glyphs.append([current])
            continue
        points = [(current[0] + values[i], current[1] + values[i + 1]) for i in range(0, len(values), 2)]
        start = points[0] if command == "m" else start
        glyphs[-1].extend(points)
        current = points[-1]
    return glyphs


@pytest.mark.parametrize("text, rtl", [("find it", False), ("Deliver My Mail", False), ("أوصِلوا بريدي", True)])
def test_every_contour_lands_where_the_font_draws_it(text, rtl):
    """Each glyph's outline, read as a browser reads the path, spans the height the font gives that
    glyph: a contour that follows a closed one must not drift (it once drew "fi" as "fịnd")."""
    from fontTools.pens.boundsPen import ControlBoundsPen

    size = 20.0
    line = shape_line(text, size, rtl)
    font = face("badge-arabic.ttf" if rtl else "badge-latin.ttf")
    expected = []
    for name in line.glyphs:
        pen = ControlBoundsPen(font.glyph_set)
        font.glyph_set[name].draw(pen)
        if pen.bounds:
            expected.append(round((pen.bounds[3] - pen.bounds[1]) * size / font.upem, 1))
    drawn = [max(y for _, y in points) - min(y for _, y in points) for points in _glyph_points(line.path)]
    assert drawn == pytest.approx(expected, abs=0.3)


def test_badge_text_is_shaped_in_the_published_badge():
    strings = load_strings(site_languages())
    badge = Badge("t", "ar", True, "pill", "light", "md", strings.by_language["ar"]["badge_title"], "", "label")
    svg, _width, _ = render_svg(badge)
    line = shape_line(badge.title, 13, True)
    assert line.path in svg
    assert "uniFE91" in line.glyphs      # the beh of بريدي, initial form


REFERENCE_BADGES = ["deliver-my-mail-ar-card-light-md", "deliver-my-mail-en-card-dark-md",
                    "deliver-my-mail-ar-pill-dark-md", "deliver-my-mail-en-compact-light-md"]


@pytest.mark.browser
@pytest.mark.parametrize("name", REFERENCE_BADGES)
def test_badge_screenshot_matches_reference(browser, site_server, name):
    """Chromium draws each badge as the committed reference shows it. To refresh the references
    after a deliberate design change: DMM_UPDATE_REFERENCES=1 bash scripts/test.sh -k screenshot"""
    from PIL import Image, ImageChops

    page = browser.new_page(viewport={"width": 600, "height": 200})
    page.goto(site_server + f"badges/{name}.svg")
    shot = page.locator("svg").screenshot()
    page.close()
    reference = REFERENCES / f"{name}.png"
    if os.environ.get("DMM_UPDATE_REFERENCES"):
        reference.write_bytes(shot)
    assert reference.exists(), f"missing {reference}; create it with DMM_UPDATE_REFERENCES=1"
    got = Image.open(io.BytesIO(shot)).convert("RGB")
    want = Image.open(reference).convert("RGB")
    assert got.size == want.size
    difference = ImageChops.difference(got, want).convert("L").point(lambda value: 255 if value > 32 else 0)
    changed = difference.histogram()[255]
    assert changed <= got.size[0] * got.size[1] * 0.01, f"{changed} pixels differ from {reference.name}"
