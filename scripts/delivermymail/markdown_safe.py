"""Data reaches pages only through these functions, so a name, label or URL from a provider file
is inert text: HTML is escaped and every Markdown marker is backslash-escaped."""
from __future__ import annotations

import html
import json
import re
from urllib.parse import quote

from markupsafe import Markup

# Python-Markdown's escapable characters; '<', '>', '&' and quotes are HTML-escaped instead and
# '|' becomes an entity so it cannot start a table cell.
_MARKDOWN_SPECIALS = re.compile(r"([\\`*_{}\[\]()#+\-.!])")
_NEWLINES = re.compile(r"\s*\n\s*")


def md_text(value) -> Markup:
    """Plain text for a Markdown context (one line)."""
    if isinstance(value, Markup):
        return value
    text = _MARKDOWN_SPECIALS.sub(r"\\\1", _NEWLINES.sub(" ", str(value)))
    return Markup(html.escape(text, quote=True).replace("|", "&#124;"))


def md_url(url: str) -> Markup:
    """A validated https URL for a Markdown link target: characters that end the target are encoded."""
    return Markup(quote(url, safe=":/?#@!$&'*+,;=%-._~"))


def front_matter(value) -> Markup:
    """A front-matter value. The theme prints titles and descriptions without escaping, so the
    text is HTML-escaped first, then quoted as a JSON string (which YAML reads as a string)."""
    return Markup(json.dumps(html.escape(str(value), quote=True), ensure_ascii=False))


def token(value: str) -> Markup:
    """An identifier the validator already limited to [a-z0-9.-] (slug, domain, section id,
    language code): printed as it is, since escaping would break ids and code spans."""
    if not re.fullmatch(r"[A-Za-z0-9.\-]+", value):
        raise ValueError(f"not a plain identifier: {value!r}")
    return Markup(value)
