"""The site search: entries for the guides made from the data, and the theme's combined index
split into one index per language (the MkDocs hook hooks/search.py calls split_index)."""
from __future__ import annotations

import html

from .dataset import Dataset
from .languages import Language
from .textrules import without_marks

# How Arabic text is cut into words, for the index and for the reader's query alike (the theme
# uses one separator for both): at spaces, dashes and Arabic or Latin punctuation, and after the
# article «ال» and the short words written joined to it (و، ب، ف، ك، ل), so that «المزعج»,
# «والمزعج» and «مزعج» are the same word to search. A prefix is cut only before two more letters.
ARABIC_SEPARATOR = ("[\\s\\-«»،؛:.,()\"'؟!/]+"
                    "|(?:(?<=^)|(?<=[\\s\\-«»(\"'/]))(?:[وفبك]?ال|لل)(?=[\\u0621-\\u064A]{2})")
SEPARATORS = {"ar": ARABIC_SEPARATOR}


def guide_search_entries(dataset: Dataset) -> dict[str, list[dict]]:
    """Search entries for the guides, per language, made from the data: the name, what the
    provider is, the other names readers type for it in that language and its domains. Guides are left out of the theme's own indexing, which would
    parse thousands of pages (and compare each entry with every other) to say the same."""
    entries = {}
    for language in dataset.languages:
        code = language.code
        # The theme shows an entry's title and text as HTML: escape them exactly as the search
        # plugin escapes the text it takes from pages (html.escape, quote=False).
        entries[code] = [
            {"location": f"providers/{slug}/", "title": html.escape(entry["name"][code], quote=False),
             "text": html.escape(" ".join([entry["about"][code], dataset.kinds[entry["kind"]][code],
                                           *entry.get("aliases", {}).get(code, []), *entry["domains"]]), quote=False)}
            for slug, entry in dataset.providers.items()
        ]
    return entries


def split_index(index: dict, languages: list[Language], guide_entries: dict[str, list[dict]]) -> dict[str, dict]:
    """The theme's combined index (every language's pages) as one index per language, keyed by
    the language's URL prefix, with each language's guide entries added and marks removed."""
    others = tuple(language.url_prefix for language in languages if not language.default)
    indexes = {}
    for language in languages:
        prefix = language.url_prefix
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if language.default and location.startswith(others):
                continue
            if not language.default and not location.startswith(prefix):
                continue
            docs.append({**doc, "location": location[len(prefix):]})
        docs += guide_entries.get(language.code, [])
        docs = [{**doc, "title": without_marks(doc["title"]), "text": without_marks(doc["text"])} for doc in docs]
        config = {**index["config"], "lang": [language.code]}
        if language.code in SEPARATORS:
            config["separator"] = SEPARATORS[language.code]
        indexes[prefix] = {"config": config, "docs": docs}
    return indexes


def is_merged(index: dict, languages: list[Language]) -> bool:
    """Whether the index already holds every language's pages (static-i18n merges them in its
    last pass; the inner, single-language passes are left alone)."""
    others = tuple(language.url_prefix for language in languages if not language.default)
    return any(doc["location"].startswith(others) for doc in index["docs"])


# MkDocs loads each hook file as a module of its own: the generation hook leaves the guides'
# entries here for the search hook, which runs at the end of the same build.
_remembered: dict[str, list[dict]] = {}


def remember_guide_entries(entries: dict[str, list[dict]]) -> None:
    _remembered.clear()
    _remembered.update(entries)


def remembered_guide_entries() -> dict[str, list[dict]]:
    return _remembered
