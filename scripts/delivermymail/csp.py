"""A Content-Security-Policy for every page, as a <meta> tag (GitHub Pages sets no headers).

Scripts run only from the site itself, plus the theme's few inline scripts, each allowed by the
hash of its exact text: an inline script that data or a stranger managed to put into a page has
no hash here and does not run. Nothing may load from another origin.
"""
from __future__ import annotations

import base64
import hashlib
import re

# Executable inline scripts: no src, and no type, or a JavaScript type. The theme's configuration
# (<script type="application/json">) is data and needs no hash.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?P<attributes>[^>]*)>(?P<code>.*?)</script>", re.S)
_DATA_TYPE = re.compile(r"""\btype=["']?(?!(?:text|application)/javascript|module)""")
_HEAD = re.compile(r"<head>\s*(<meta charset=[^>]*>)?")

POLICY = {
    "default-src": ["'none'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],       # the theme draws its icons as data: SVG in its CSS
    "font-src": ["'self'"],
    "connect-src": ["'self'", "data:"],    # the search index; data: for theme-requests.js's empty sitemap
    "worker-src": ["'self'"],             # the search worker
    "manifest-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'none'"],
}


def script_hashes(html: str) -> list[str]:
    hashes = []
    for found in _INLINE_SCRIPT.finditer(html):
        if _DATA_TYPE.search(found.group("attributes")):
            continue
        digest = hashlib.sha256(found.group("code").encode("utf-8")).digest()
        hashes.append(f"'sha256-{base64.b64encode(digest).decode('ascii')}'")
    return sorted(set(hashes))


def policy_for(html: str) -> str:
    directives = {**POLICY, "script-src": POLICY["script-src"] + script_hashes(html)}
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def add_policy(html: str) -> str:
    """The page with its policy as the first thing in <head> after the charset (a policy in a meta
    tag covers only what comes after it)."""
    tag = f'<meta http-equiv="Content-Security-Policy" content="{policy_for(html)}">'
    found = _HEAD.search(html)
    if not found:
        raise ValueError("page without <head>: cannot add its Content-Security-Policy")
    return html[:found.end()] + tag + html[found.end():]
