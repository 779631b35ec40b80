"""Addresses, domains and URLs inside right-to-left text, kept in their own order.

In an Arabic sentence, the neutral characters at the ends of `@gmail.com` or
`https://mail.google.com/` join the Arabic around them, so a reader sees `gmail.com@` and a slash
at the front. Each such token in the text of a right-to-left page is wrapped in
<bdi dir="ltr">, which isolates it (no invisible characters are added, so copying gives the
address as it is). The MkDocs hook hooks/pages.py applies it to the article of every RTL page.
"""
from __future__ import annotations

import re

_END = r"[^\s<>\"'«»()،؛.,:;!?]"          # a token never ends in punctuation of the sentence
_INSIDE = r"[^\s<>\"'«»()،؛]"
_TOKEN = re.compile(
    rf"https?://{_INSIDE}*{_END}"                                      # a URL
    rf"|(?<![A-Za-z0-9_.%+@-])(?:[A-Za-z0-9._%+-]+)?@?"                 # an address, or @domain
    rf"(?:[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?\.)+[A-Za-z]{{2,}}"    # or a bare domain
    rf"(?:/{_INSIDE}*{_END})?(?![A-Za-z0-9_-])")
TOKEN_PATTERN = _TOKEN.pattern     # the same pattern in JavaScript (tests/test_bidi.py measures with it)
# Text between tags, except inside elements whose text must stay as it is or is isolated already.
# (site.css isolates code and kbd already.)
_SKIP = re.compile(r"(<(pre|code|kbd|script|style|textarea|bdi|svg)\b.*?</\2>|<[^>]*>)", re.S | re.I)


def isolate_ltr(html: str) -> str:
    """`html` with every address, domain and URL in its text wrapped in <bdi dir="ltr">."""
    # re.split with the two groups of _SKIP yields: text, skipped part, its tag name, text, ...
    parts = _SKIP.split(html)
    return "".join(
        _TOKEN.sub(lambda found: f'<bdi dir="ltr">{found.group()}</bdi>', part) if index % 3 == 0 else part
        for index, part in enumerate(parts) if index % 3 != 2)
