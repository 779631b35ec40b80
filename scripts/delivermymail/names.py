"""The shapes of identifiers: slugs and domain names. Whole-string matches only (fullmatch):
`$` in a Python pattern also matches before a final newline, so `gmail.com\n` would pass."""
from __future__ import annotations

import re

SLUG = re.compile(r"[a-z0-9]+(-[a-z0-9]+)*")
HOST_LABEL = re.compile(r"(?!-)[a-z0-9-]{1,63}(?<!-)")


def is_slug(value: str) -> bool:
    return len(value) <= 63 and SLUG.fullmatch(value) is not None


def is_hostname(value: str) -> bool:
    if len(value) > 253 or value != value.lower() or "." not in value:
        return False
    labels = value.split(".")
    return all(HOST_LABEL.fullmatch(label) for label in labels) and not labels[-1].isdigit()
