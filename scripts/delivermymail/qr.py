"""QR codes for printed material (the flyer), made at build time."""
from __future__ import annotations

import io
from xml.sax.saxutils import escape

import segno


def qr_code(text: str, title: str) -> str:
    """A QR code as a small, self-contained SVG (no ids, no external references)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False, svgclass=None,
                                     lineclass=None, title=title, dark="#000000", light="#ffffff")
    return buffer.getvalue().decode("utf-8") + "\n"


def qr_unavailable(message: str) -> str:
    """What the flyer shows instead of a QR code when the site was built without a public address."""
    return ('<svg xmlns="http://www.w3.org/2000/svg" width="300" height="300" viewBox="0 0 300 300" role="img">'
            f'<title>{escape(message)}</title><rect x="2" y="2" width="296" height="296" fill="#fff" stroke="#000" '
            'stroke-width="4" stroke-dasharray="12 8"/><path d="M110 110l80 80M190 110l-80 80" stroke="#000" stroke-width="8"/></svg>\n')
