"""Template strings: one file per language in data/strings/, the default language's file is the
reference. Adding a language means adding its file; `missing_translations` lists the gaps."""
from __future__ import annotations

import string
from dataclasses import dataclass

from markupsafe import Markup

from . import paths
from .languages import Language
from .yamlfile import read_plain_yaml


class MissingTranslation(Exception):
    """A language lacks a strings file, a string, or a string's {fields}; the message lists each gap."""


@dataclass
class Strings:
    by_language: dict[str, dict[str, str]]

    def format(self, code: str, key: str, fields: dict) -> Markup:
        # format_map, not format: a field value can never reach the format machinery itself.
        return Markup(self.by_language[code][key].format_map(fields))


def load_strings(languages: list[Language]) -> Strings:
    by_language = {}
    for language in languages:
        file = paths.STRINGS / f"{language.code}.yml"
        if not file.exists():
            raise MissingTranslation(f"data/strings/{language.code}.yml: missing (the template strings for '{language.code}')")
        by_language[language.code] = read_plain_yaml(file) or {}
    problems = missing_translations(languages, by_language)
    if problems:
        raise MissingTranslation("; ".join(problems))
    return Strings(by_language)


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def missing_translations(languages: list[Language], by_language: dict | None = None) -> list[str]:
    """Every string key, content page and data text that a language lacks, as readable lines."""
    if by_language is None:
        by_language = {}
        for language in languages:
            file = paths.STRINGS / f"{language.code}.yml"
            by_language[language.code] = read_plain_yaml(file) if file.exists() else None
    reference_language = languages[0]
    reference = by_language[reference_language.code] or {}
    problems = []
    for language in languages[1:]:
        table = by_language.get(language.code)
        where = f"data/strings/{language.code}.yml"
        if table is None:
            problems.append(f"{where}: missing file")
            continue
        for key, text in reference.items():
            if key not in table:
                problems.append(f"{where}: '{key}' is not translated")
            elif _fields(table[key]) != _fields(text):
                problems.append(f"{where}: '{key}' must use the fields {sorted(_fields(text))}")
        for key in table:
            if key not in reference:
                problems.append(f"{where}: '{key}' is not a key of data/strings/{reference_language.code}.yml")
    # Hand-written pages: each page.md needs page.<code>.md for every other language.
    for page in sorted(paths.DOCS.rglob("*.md")):
        relative = page.relative_to(paths.DOCS)
        if relative.parts[0] in ("providers", "api") or page.stem.count(".") or page.name.startswith("."):
            continue
        for language in languages[1:]:
            twin = page.with_name(f"{page.stem}.{language.code}.md")
            if not twin.exists():
                problems.append(f"docs/{relative}: no {language.name} twin docs/{twin.relative_to(paths.DOCS)}")
    # Closed lists carry a label per language.
    for file in (paths.KINDS,):
        for key, labels in (read_plain_yaml(file) or {}).items():
            for language in languages:
                if language.code not in labels:
                    problems.append(f"{file.relative_to(paths.ROOT)}: '{key}' has no '{language.code}' label")
    return problems
