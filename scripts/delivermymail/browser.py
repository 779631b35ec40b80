"""The data the browser tools run on (assets/generated/dmm-data.js): the domain table, the limits
and rules they share with Python, and their strings. Every rule the browser applies comes from here,
never from a hand copy in the JavaScript."""
from __future__ import annotations

import json
from pathlib import Path

from .badges import DEFAULT_SIZE, DEFAULT_STYLE, SIZES, STYLES, THEMES
from .dataset import MAILBOX_KIND, PERSON_CHANNELS, WORKPLACE_KIND, Dataset
from .lookup import BAD_HYPHENS, MAX_INPUT, MAX_TYPO_DISTANCE, NOT_DOMAIN_ASCII, SHORT_DOMAIN, provider_names
from .names import HOST_LABEL
from .strings import Strings
from .textrules import ARABIC_FOLDS, ARABIC_MARKS, HIDDEN_CATEGORIES, TRIMMED

BROWSER_DATA = Path("assets", "generated", "dmm-data.js")
HEADER_DATA = Path("assets", "generated", "dmm-headers.js")
# The providers' names the finder also answers to ("Gmail", «جيميل»): only the finder loads them.
NAMES_DATA = Path("assets", "generated", "dmm-names.js")
# The most the header reader reads (characters): far more than any message's headers; a pasted
# message with a large body is cut to its headers first (headers.js).
MAX_HEADER_INPUT = 1_000_000

BROWSER_STRINGS = ("ui_", "letter_", "platform_")
# The kit's and the flyer's own strings, sent only to those pages (assets/generated/dmm-kit.js).
KIT_STRINGS = ("ui_kit_", "ui_builder_", "ui_flyer_", "ui_ready_", "badge_")
KIT_DATA = Path("assets", "generated", "dmm-kit.js")


def _strings(dataset: Dataset, strings: Strings, prefixes: tuple[str, ...], but: tuple[str, ...] = ()) -> dict:
    """The strings whose keys start with one of `prefixes` (and none of `but`), per site language."""
    return {language.code: {key: text for key, text in strings.by_language[language.code].items()
                             if key.startswith(prefixes) and not (but and key.startswith(but))} for language in dataset.languages}


def _module(data: dict) -> str:
    """An ES module the browser tools import (docs/assets/javascripts/dmm/)."""
    return ("// Generated from data/ by scripts/delivermymail/browser.py; do not edit.\n"
            f"export default {json.dumps(data, ensure_ascii=False, sort_keys=True)};\n")


def browser_data(dataset: Dataset, strings: Strings) -> str:
    """The finder's domain table and the rules the browser tools share: the same data and limits as
    `dmm lookup`, so the browser and the command line answer alike. Loaded on every page: what only
    one page needs goes in that page's own module (kit_data, header_reader_data), and what only one
    language needs in that language's module (browser_strings)."""
    data = {
        "limits": {"maxInput": MAX_INPUT, "maxTypoDistance": MAX_TYPO_DISTANCE, "shortDomain": SHORT_DOMAIN},
        # Rules the browser applies exactly as Python does (names.py, textrules.py).
        "rules": {"hostLabel": HOST_LABEL.pattern, "trimmed": TRIMMED, "hiddenCategories": list(HIDDEN_CATEGORIES),
                  "arabicMarks": ARABIC_MARKS, "arabicFolds": ARABIC_FOLDS,
                  "notDomainAscii": NOT_DOMAIN_ASCII.pattern, "badHyphens": BAD_HYPHENS.pattern},
        "domains": dataset.domain_owner,
        "providers": {slug: {"name": entry["name"], "kind": entry["kind"]} for slug, entry in dataset.providers.items()},
        "languages": [{"code": language.code, "prefix": language.url_prefix, "name": language.name,
                       "direction": language.direction} for language in dataset.languages],
        "workplaceKind": WORKPLACE_KIND,
        "personChannels": list(PERSON_CHANNELS),     # the channel types that reach a person (the letter's languages)
        # Brand names that a lookalike sender domain may hide (gmail in gmail-support.example),
        # each with the provider's first domain: the mailbox providers' slugs of five letters or more.
        "brands": {slug.replace("-", ""): entry["domains"][0] for slug, entry in dataset.providers.items()
                   if entry["kind"] == MAILBOX_KIND and entry["domains"] and len(slug.replace("-", "")) >= 5},
    }
    return _module(data)


def names_data(dataset: Dataset) -> str:
    """The names a reader may type into the finder instead of an address, each with its provider
    (lookup.provider_names): the finder's alone, so that a guide does not download them."""
    return _module(provider_names(dataset.providers, dataset.domain_owner))


def browser_strings_path(code: str) -> Path:
    """Where the browser tools' strings in one language are (page.js, loadStrings, asks for the same
    name). Not dmm-strings.<code>.js: the i18n plugin would take that for a translation and move it."""
    return BROWSER_DATA.with_name(f"dmm-strings-{code}.js")


def browser_strings(dataset: Dataset, strings: Strings) -> dict[Path, str]:
    """The browser tools' strings, one module per language: a page loads only its own."""
    per_language = _strings(dataset, strings, BROWSER_STRINGS, but=KIT_STRINGS)
    return {browser_strings_path(code): _module(texts) for code, texts in per_language.items()}


def header_reader_data(dataset: Dataset, strings: Strings) -> str:
    """What only the header reader needs (assets/generated/dmm-headers.js, loaded on /headers/ alone):
    the meanings of data/headers/, the reader's strings, its limit, and which guides have senders' rules."""
    data = {
        "maxInput": MAX_HEADER_INPUT,
        "rules": dataset.header_rules,
        "strings": _strings(dataset, strings, ("headers_",)),
        "senderRules": sorted(slug for slug, entry in dataset.providers.items() if entry.get("senders")),
        # Guides that give the provider's own steps to show a message's headers (view_headers).
        "viewHeaders": sorted(slug for slug, entry in dataset.providers.items() if entry.get("view_headers")),
    }
    return _module(data)


def kit_data(dataset: Dataset, strings: Strings, badge_sizes: dict, public_url: str | None) -> str:
    """What only the kit and the flyer need (assets/generated/dmm-kit.js): the site's published address
    (urls.public_site_url; None makes them say so instead of making links), the badges and their
    options, and their strings."""
    data = {
        "publicUrl": public_url,
        "badges": {name: size for name, size in badge_sizes.items() if not name.startswith("providers/")},
        "badgeOptions": {"styles": list(STYLES), "themes": list(THEMES), "sizes": list(SIZES),
                         "defaultStyle": DEFAULT_STYLE, "defaultSize": DEFAULT_SIZE},
        "strings": _strings(dataset, strings, KIT_STRINGS),
    }
    return _module(data)
