"""QR codes for printed material (the flyer)."""
from __future__ import annotations

import io

import segno


def qr_code(text: str, title: str) -> str:
    """A QR code as a small, self-contained SVG (no ids, no external references)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False, svgclass=None,
                                     lineclass=None, title=title, dark="#000000", light="#ffffff")
    return buffer.getvalue().decode("utf-8") + "\n"
