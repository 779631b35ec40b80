#!/usr/bin/env python3
"""Make the bundled fonts from Debian's Noto Sans and Noto Sans Arabic (SIL OFL 1.1):

- docs/assets/fonts/*.woff2: the site's self-hosted Arabic face, subset to Arabic, so an Arabic
  page downloads tens of kilobytes, not hundreds (Latin text uses the reader's system fonts);
- scripts/delivermymail/fonts/*.ttf: the faces the badges are shaped with and drawn from.

Run after `apt-get install fonts-noto-core` and `bash scripts/setup.sh fonts`, as
`.venv/bin/python scripts/make_fonts.py`. The output is committed; this script is how it was made.
"""
import sys
from pathlib import Path

from fontTools import subset

from delivermymail import paths

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = paths.DOCS / "assets" / "fonts"
BADGE_FONTS = paths.BADGE_FONTS
LATIN = ["U+0020-007E", "U+00A0-00FF", "U+2010-2027", "U+2039-203A"]
# The site's text: the letters, marks, digits and punctuation of the Arabic language (not the
# letters only Persian, Urdu and others use), joiners and direction marks, spaces, guillemets,
# dashes. Joined letter forms come along through the font's shaping tables, so the
# presentation-form blocks are not needed. docs/assets/fonts/fonts.css gives the same ranges as
# unicode-range, so a letter outside them is drawn by the reader's system font.
ARABIC_LANGUAGE = ["U+060C", "U+061B", "U+061F", "U+0621-063A", "U+0640-0652", "U+0660-066D", "U+0670"]
WEB_UNICODES = ARABIC_LANGUAGE + ["U+200C-200F", "U+0020", "U+00A0", "U+00AB", "U+00BB", "U+2010-2027"]
# Only the shaping features a browser applies by default: the discretionary ligatures and the
# alternates (dlig, aalt) would more than double the download and are never shown.
WEB_FEATURES = "ccmp,locl,isol,init,medi,fina,rlig,rclt,calt,liga,curs,kern,mark,mkmk"
# Badges are drawn from code points as well as from shaping, so their face keeps everything.
UNICODES = ["U+0600-06FF", "U+200C-200F", "U+0020", "U+00A0", "U+00AB", "U+00BB", "U+2010-2027",
            "U+0750-077F", "U+08A0-08FF", "U+FB50-FDFF", "U+FE70-FEFF"]


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        source = SOURCE / f"NotoSansArabic-{weight}.ttf"
        if not source.exists():
            print(f"{source} is missing: apt-get install fonts-noto-core", file=sys.stderr)
            return 1
        output = TARGET / f"noto-sans-arabic-{weight.lower()}.woff2"
        subset.main([str(source), f"--unicodes={','.join(WEB_UNICODES)}", "--flavor=woff2",
                     f"--layout-features={WEB_FEATURES}", "--no-hinting", "--desubroutinize", f"--output-file={output}"])
        print(f"{output.relative_to(TARGET.parents[2])}: {output.stat().st_size // 1024} KB")
    BADGE_FONTS.mkdir(parents=True, exist_ok=True)
    for source, ranges, name in (("NotoSans-Bold.ttf", LATIN, "badge-latin.ttf"),
                                 ("NotoSansArabic-Bold.ttf", UNICODES, "badge-arabic.ttf")):
        output = BADGE_FONTS / name
        subset.main([str(SOURCE / source), f"--unicodes={','.join(ranges)}", "--layout-features=*",
                     "--no-hinting", "--notdef-outline", f"--output-file={output}"])
        print(f"{output.relative_to(TARGET.parents[2])}: {output.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
