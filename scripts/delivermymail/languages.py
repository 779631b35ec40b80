"""The site's languages come from one place: the i18n plugin's list in mkdocs.yml."""
from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from pathlib import Path

import yaml
from babel import Locale

from . import paths


@dataclass(frozen=True)
class Language:
    code: str
    name: str
    default: bool

    @property
    def direction(self) -> str:
        """'rtl' or 'ltr', from CLDR (Material decides the page direction from the same fact)."""
        return _direction(self.code)

    @property
    def url_prefix(self) -> str:
        """'' for the default language, 'ar/' for the others: the part of the URL before the page."""
        return "" if self.default else f"{self.code}/"

    @property
    def suffix(self) -> str:
        """'' for the default language, '.ar' for the others: the part of the file name before .md."""
        return "" if self.default else f".{self.code}"


@cache
def _direction(code: str) -> str:
    return Locale.parse(code).text_direction


class TolerantLoader(yaml.SafeLoader):
    """mkdocs.yml uses tags such as !ENV; their values do not matter here."""


TolerantLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def site_languages(mkdocs_yml: Path = paths.MKDOCS_YML) -> list[Language]:
    """The languages to build, default language first."""
    # Asked once per page during a build: read the file again only when it changed.
    return list(_read_languages(mkdocs_yml, mkdocs_yml.stat().st_mtime_ns))


@lru_cache(maxsize=8)
def _read_languages(mkdocs_yml: Path, modified: int) -> tuple[Language, ...]:
    config = yaml.load(mkdocs_yml.read_text(encoding="utf-8"), Loader=TolerantLoader)
    for plugin in config.get("plugins", []):
        if isinstance(plugin, dict) and "i18n" in plugin:
            entries = plugin["i18n"]["languages"]
            break
    else:
        if config.get("INHERIT"):     # a configuration that extends another (MkDocs' INHERIT)
            parent = mkdocs_yml.parent / config["INHERIT"]
            return _read_languages(parent, parent.stat().st_mtime_ns)
        raise RuntimeError(f"{mkdocs_yml}: no i18n plugin with a list of languages")
    languages = [
        Language(entry["locale"], entry["name"], bool(entry.get("default")))
        for entry in entries
        if entry.get("build", True) and entry["locale"] != "null"
    ]
    languages.sort(key=lambda language: not language.default)
    if not languages or not languages[0].default:
        raise RuntimeError(f"{mkdocs_yml}: the i18n plugin needs exactly one default language")
    return tuple(languages)
