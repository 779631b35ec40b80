#!/usr/bin/env python3
"""Make the self-hosted web fonts in docs/assets/fonts/ from Debian's Noto Sans Arabic (SIL OFL 1.1).

Run after `apt-get install fonts-noto-core`. The fonts are subset to Arabic letters, Arabic
punctuation and digits, so an Arabic page downloads tens of kilobytes, not hundreds. Latin text
uses the reader's system fonts. The output is committed; this script is how it was made.
"""
import sys
from pathlib import Path

from fontTools import subset

SOURCE = Path("/usr/share/fonts/truetype/noto")
TARGET = Path(__file__).resolve().parents[1] / "docs" / "assets" / "fonts"
UNICODES = [
    "U+0600-06FF",   # Arabic
    "U+0750-077F",   # Arabic Supplement
    "U+08A0-08FF",   # Arabic Extended-A
    "U+FB50-FDFF",   # Arabic Presentation Forms-A
    "U+FE70-FEFF",   # Arabic Presentation Forms-B
    "U+200C-200F",   # joiners and direction marks
    "U+0020", "U+00A0", "U+00AB", "U+00BB", "U+2010-2027",  # spaces, guillemets, dashes, ellipsis
]


def main() -> int:
    TARGET.mkdir(parents=True, exist_ok=True)
    for weight in ("Regular", "Bold"):
        source = SOURCE / f"NotoSansArabic-{weight}.ttf"
        if not source.exists():
            print(f"{source} is missing: apt-get install fonts-noto-core", file=sys.stderr)
            return 1
        output = TARGET / f"noto-sans-arabic-{weight.lower()}.woff2"
        subset.main([str(source), f"--unicodes={','.join(UNICODES)}", "--flavor=woff2",
                     "--layout-features=*", "--no-hinting", "--desubroutinize", f"--output-file={output}"])
        print(f"{output.relative_to(TARGET.parents[2])}: {output.stat().st_size // 1024} KB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
