"""Campaign badges: one template, every language, style, theme and size.

Text is shaped with HarfBuzz and drawn as outlines from the bundled fonts (fonts/), so Arabic
letters join and widths are exact, with no font needed where the badge is shown. SVG for web
pages; PNG (1x and 2x, rendered from the SVG by resvg) for e-mail signatures.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from xml.sax.saxutils import escape, quoteattr

import resvg_py
import uharfbuzz as hb
from fontTools.pens.basePen import BasePen
from fontTools.pens.transformPen import TransformPen
from fontTools.ttLib import TTFont

from . import paths

FONTS = paths.BADGE_FONTS
ARABIC = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
NEUTRAL = re.compile(r"[\s\u00A0.,:;!?()\[\]\-–—'\"«»/·]")

STYLES = ("compact", "pill", "card")
# Size budgets in bytes, per style, for the campaign badges; README reports the measured sizes.
SVG_BUDGET = {"compact": 5_000, "pill": 5_000, "card": 14_000}
THEMES = ("light", "dark")
SIZES = {"sm": 0.8, "md": 1.0, "lg": 1.5}
DEFAULT_STYLE, DEFAULT_SIZE = "pill", "md"     # what the kit's configurator offers first
PALETTE = {
    "light": {"background": "#ffffff", "border": "#00796b", "text": "#004d40", "muted": "#37474f",
              "mark": "#00796b", "mark_fg": "#ffffff"},
    "dark": {"background": "#10201e", "border": "#4db6ac", "text": "#e0f2f1", "muted": "#b2dfdb",
             "mark": "#4db6ac", "mark_fg": "#10201e"},
}
# Geometry at size "md", in pixels: height, corner radius, font size of the title and the tagline.
GEOMETRY = {
    "compact": {"height": 20, "radius": 3, "title": 11, "tagline": 0},
    "pill": {"height": 28, "radius": 14, "title": 13, "tagline": 0},
    "card": {"height": 56, "radius": 8, "title": 15, "tagline": 11},
}


def _number(value: float) -> str:
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


class CompactPathPen(BasePen):
    """Collects a glyph's outline in tenths of a pixel, relative to its own origin: the first point
    absolute, everything after it relative (m, l, q, c). Written out with one decimal this is about
    half the size of absolute coordinates, and one glyph's path is computed once and reused."""

    def __init__(self, glyph_set):
        super().__init__(glyph_set)
        self.first: tuple[int, int] | None = None
        self.parts: list[str] = []
        self.current = (0, 0)
        self.subpath_start = (0, 0)

    def _emit(self, command: str, *points) -> None:
        x0, y0 = self.current
        tenths = [(round(x * 10), round(y * 10)) for x, y in points]
        if self.first is None:
            self.first = tenths[0]
        else:
            self.parts.append(command + _numbers([value for x, y in tenths for value in (x - x0, y - y0)]))
        self.current = tenths[-1]

    def _moveTo(self, point):
        self._emit("m", point)
        self.subpath_start = self.current

    def _lineTo(self, point):
        self._emit("l", point)

    def _curveToOne(self, point1, point2, point3):
        self._emit("c", point1, point2, point3)

    def _qCurveToOne(self, point1, point2):
        self._emit("q", point1, point2)

    def _closePath(self):
        # After "z" an SVG path is back at the start of the closed contour, and the next relative
        # "m" counts from there, not from the contour's last point (that drew "fi" as "fịnd").
        self.parts.append("z")
        self.current = self.subpath_start


def _numbers(tenths: list[int]) -> str:
    """Numbers given in tenths, written as short as SVG allows ("-1.5-.3 2")."""
    out = []
    for value in tenths:
        text = f"{value / 10:.1f}".rstrip("0").rstrip(".") if value % 10 else str(value // 10)
        text = text.replace("0.", ".", 1) if text.startswith("0.") else text.replace("-0.", "-.", 1)
        if out and not text.startswith("-") and not (text.startswith(".") and "." in out[-1]):
            out.append(" ")
        out.append(text)
    return "".join(out)


class Face:
    """One bundled font: HarfBuzz for shaping, fontTools for outlines."""

    def __init__(self, path: Path):
        data = path.read_bytes()
        self.hb_font = hb.Font(hb.Face(hb.Blob(data)))
        self.ttfont = TTFont(path)
        self.glyph_set = self.ttfont.getGlyphSet()
        self.order = self.ttfont.getGlyphOrder()
        self.upem = self.ttfont["head"].unitsPerEm
        self.cmap = self.ttfont.getBestCmap()

    def shape(self, text: str, rtl: bool, script: str):
        """Glyphs in visual order (left to right): (glyph id, advance, x offset, y offset). No
        language is set: each bundled face's default language system serves its script."""
        buffer = hb.Buffer()
        buffer.add_str(text)
        buffer.direction = "rtl" if rtl else "ltr"
        buffer.script = script
        hb.shape(self.hb_font, buffer, {})
        return [(info.codepoint, position.x_advance, position.x_offset, position.y_offset)
                for info, position in zip(buffer.glyph_infos, buffer.glyph_positions, strict=False)]


@cache
def face(name: str) -> Face:
    return Face(FONTS / name)


def runs(text: str) -> list[tuple[str, bool]]:
    """Split text into Arabic and non-Arabic runs (logical order); spaces and punctuation stay with
    the run they follow when its font has them, so each run is shaped whole."""
    arabic_cmap = face("badge-arabic.ttf").cmap
    result: list[list] = []
    for char in text:
        arabic = bool(ARABIC.match(char))
        joins = NEUTRAL.match(char) and (not result[-1][1] or ord(char) in arabic_cmap) if result else False
        if result and (joins or result[-1][1] == arabic):
            result[-1][0] += char
        else:
            result.append([char, arabic])
    return [(run, arabic) for run, arabic in result]


@cache
def glyph_outline(font_name: str, glyph_id: int, font_size: float) -> tuple[tuple[int, int] | None, str]:
    """A glyph's outline at a size: its first point (tenths of a pixel from the glyph's origin,
    y downwards) and the rest of the path, relative. Cached: badges repeat the same letters."""
    font = face(font_name)
    scale = font_size / font.upem
    pen = CompactPathPen(font.glyph_set)
    font.glyph_set[font.order[glyph_id]].draw(TransformPen(pen, (scale, 0, 0, -scale, 0, 0)))
    return pen.first, "".join(pen.parts)


@dataclass(frozen=True)
class Line:
    path: str       # SVG path data, origin at the start of the baseline
    width: float
    glyphs: tuple   # names of the glyphs drawn, in visual order (what tests check for joining)


@cache
def shape_line(text: str, font_size: float, rtl: bool) -> Line:
    """Shape and draw one line. In a right-to-left line the runs are laid out right to left;
    inside each run HarfBuzz already gives visual order."""
    pieces = runs(text)
    if rtl:
        pieces.reverse()
    pen_x, commands, names = 0.0, [], []
    for run, arabic in pieces:
        font_name = "badge-arabic.ttf" if arabic else "badge-latin.ttf"
        font = face(font_name)
        scale = font_size / font.upem
        glyphs = font.shape(run, rtl=arabic, script="Arab" if arabic else "Latn")
        for gid, advance, x_offset, y_offset in glyphs:
            first, rest = glyph_outline(font_name, gid, font_size)
            if first is not None:
                x = round((pen_x + x_offset * scale) * 10) + first[0]
                y = round(-y_offset * scale * 10) + first[1]
                commands.append("M" + _numbers([x, y]) + rest)
            names.append(font.order[gid])
            pen_x += advance * scale
    return Line("".join(commands), pen_x, tuple(names))


@dataclass(frozen=True)
class Badge:
    name: str        # file name without extension, stable: deliver-my-mail-ar-pill-light-md
    language: str
    rtl: bool
    style: str
    theme: str
    size: str
    title: str
    tagline: str
    label: str       # accessible name, in the badge's language


def render_svg(badge: Badge) -> tuple[str, int, int]:
    """The badge as a self-contained SVG; returns (svg, width, height)."""
    scale = SIZES[badge.size]
    geometry = GEOMETRY[badge.style]
    colours = PALETTE[badge.theme]
    height = geometry["height"] * scale
    title_size = geometry["title"] * scale
    title = shape_line(badge.title, title_size, badge.rtl)
    tagline = shape_line(badge.tagline, geometry["tagline"] * scale, badge.rtl) if geometry["tagline"] else None
    padding = height * (0.3 if badge.style == "compact" else 0.45)
    mark_size = height * (1.0 if badge.style == "compact" else 0.72 if badge.style == "pill" else 0.62)
    gap = height * 0.25
    text_width = max(title.width, tagline.width if tagline else 0)
    width = mark_size + padding * 2 + text_width if badge.style == "compact" else padding + mark_size + gap + text_width + padding
    width, height = round(width), round(height)

    # The mark (an envelope with a tick) sits at the start of the reading direction.
    if badge.style == "compact":
        mark_x = width - mark_size if badge.rtl else 0
        mark_y = 0
        text_x = padding if badge.rtl else mark_size + padding
    else:
        mark_x = width - padding - mark_size if badge.rtl else padding
        mark_y = (height - mark_size) / 2
        text_x = padding if badge.rtl else padding + mark_size + gap

    def text_at(line: Line, baseline: float, fill: str, box_width: float) -> str:
        # Right-to-left text is right-aligned within the text box.
        x = text_x + (box_width - line.width if badge.rtl else 0)
        return f'<path fill="{fill}" transform="translate({_number(x)} {_number(baseline)})" d="{line.path}"/>'

    if tagline:
        title_baseline = height * 0.45
        tagline_baseline = height * 0.78
    else:
        title_baseline = height / 2 + title_size * 0.36
    parts = [
        f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" viewBox="0 0 {width} {height}"'
        f' role="img" aria-label={quoteattr(badge.label)} lang="{badge.language}">',
        f"<title>{escape(badge.label)}</title>",
        f'<rect x="0.5" y="0.5" width="{width - 1}" height="{height - 1}" rx="{_number(geometry["radius"] * scale)}"'
        f' fill="{colours["background"]}" stroke="{colours["border"]}"/>',
        _mark(mark_x, mark_y, mark_size, colours, badge.style == "compact"),
        text_at(title, title_baseline, colours["text"], text_width),
    ]
    if tagline:
        parts.append(text_at(tagline, tagline_baseline, colours["muted"], text_width))
    parts.append("</svg>")
    return "".join(parts), width, height


def _mark(x: float, y: float, size: float, colours: dict, square: bool) -> str:
    """An envelope with a tick: the campaign's sign. Drawn with a few path commands, no ids."""
    n = _number
    s = size
    background = (f'<path fill="{colours["mark"]}" d="M{n(x)} {n(y)}h{n(s)}v{n(s)}h-{n(s)}z"/>' if square else
                  f'<circle cx="{n(x + s / 2)}" cy="{n(y + s / 2)}" r="{n(s / 2)}" fill="{colours["mark"]}"/>')
    ex, ey, ew, eh = x + s * 0.22, y + s * 0.3, s * 0.56, s * 0.4
    envelope = (f'<path fill="none" stroke="{colours["mark_fg"]}" stroke-width="{n(s * 0.07)}" stroke-linejoin="round"'
                f' d="M{n(ex)} {n(ey)}h{n(ew)}v{n(eh)}h-{n(ew)}z M{n(ex)} {n(ey)}l{n(ew / 2)} {n(eh * 0.55)}'
                f' l{n(ew / 2)} -{n(eh * 0.55)}"/>')
    return background + envelope


@cache
def render_png(svg: str, width: int, height: int) -> bytes:
    return bytes(resvg_py.svg_to_bytes(svg_string=svg, width=width, height=height, skip_system_fonts=True))


def catalogue(languages, strings, providers: dict) -> list[Badge]:
    """Every badge the site publishes: the campaign badge in each language, style, theme and
    size, and a pill per provider guide in each language and theme."""
    badges = []
    for language in languages:
        text = strings.by_language[language.code]
        rtl = language.direction == "rtl"
        for style in STYLES:
            for theme in THEMES:
                for size in SIZES:
                    badges.append(Badge(f"deliver-my-mail-{language.code}-{style}-{theme}-{size}", language.code, rtl,
                                        style, theme, size, text["badge_title"],
                                        text["badge_tagline"] if style == "card" else "", text["badge_label"]))
        for slug, entry in providers.items():
            fields = {"provider": entry["name"][language.code]}
            for theme in THEMES:
                badges.append(Badge(f"providers/{slug}-{language.code}-{theme}", language.code, rtl, "pill", theme, "md",
                                    text["badge_provider_title"].format_map(fields), "",
                                    text["badge_provider_label"].format_map(fields)))
    return badges


def badge_files(badges: list[Badge]) -> tuple[dict[Path, bytes], dict[str, tuple[int, int]]]:
    """SVG of every badge, by path under badges/, and PNG and PNG@2x of the campaign badges (for
    e-mail signatures); and each badge's size. Provider badges are SVG only: they are for web
    pages, and rendering PNGs for thousands of providers would dominate the build."""
    files, sizes = {}, {}
    for badge in badges:
        svg, width, height = render_svg(badge)
        files[Path("badges", f"{badge.name}.svg")] = svg.encode("utf-8")
        if not badge.name.startswith("providers/"):
            files[Path("badges", f"{badge.name}.png")] = render_png(svg, width, height)
            files[Path("badges", f"{badge.name}@2x.png")] = render_png(svg, width * 2, height * 2)
        sizes[badge.name] = (width, height)
    return files, sizes
