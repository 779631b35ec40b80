"""What each source of a provider file is worth, and which facts rest on weak ones.

CONTRIBUTING.md ("Which sources count") is the policy; this module is the one place that applies
it. A source says what kind of page it is (`kind`), or the kind is worked out from its address. A
label or a complaint channel that rests only on pages of a WEAK kind is reported by `check` as a
warning and listed on the "Needs checking" page, so that a maintainer replaces the source.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urlsplit

# Every kind, strongest first (the schema's enum, data/schema/provider.schema.json $defs/source).
SOURCE_KINDS = ("provider", "copy", "public-data", "code", "institution", "other")
WEAK_KINDS = frozenset({"other"})
ISPDB_PREFIX = "https://github.com/thunderbird/autoconfig/"

# A field path at the start of each part of `supports` ("labels.spam_folder, steps.web (menu path)").
_FIELD = re.compile(r"[a-z_]+(?:\.[A-Za-z0-9_]+)*")


def own_hosts(entry: dict) -> frozenset[str]:
    """The provider's website host (without www.) and its mail domains: pages there are its own."""
    hosts = set(entry.get("domains", []))
    if entry.get("website"):
        hosts.add((urlsplit(entry["website"]).hostname or "").removeprefix("www."))
    return frozenset(host for host in hosts if host)


def source_kind(url: str, entry: dict, declared: str | None = None) -> str:
    if declared:
        return declared
    if url.startswith(ISPDB_PREFIX):
        return "public-data"
    host = urlsplit(url).hostname or ""
    if any(host == own or host.endswith("." + own) for own in own_hosts(entry)):
        return "provider"
    return "other"


def supported_fields(source: dict) -> list[str]:
    """The field paths a source names in `supports`, e.g. ["labels.spam_folder", "steps.web"]."""
    fields = []
    for part in re.split(r"[,;]", source.get("supports", "")):
        match = _FIELD.match(part.strip())
        if match:
            fields.append(match.group())
    return fields


def _covers(field: str, path: str) -> bool:
    return path == field or path.startswith(field + ".")


@dataclass(frozen=True)
class WeakFact:
    path: tuple          # where the fact is in the file, e.g. ("labels", "not_spam", "en")
    hosts: tuple         # the hosts of the weak pages it rests on

    @property
    def dotted(self) -> str:
        return ".".join(str(part) for part in self.path)


def weak_facts(entry: dict) -> list[WeakFact]:
    """Labels and complaint channels whose every source is of a weak kind. A label no source
    names is not reported here: it may rest on a source that backs all of `labels`."""
    sources = entry.get("sources", [])
    kinds = {source["url"]: source_kind(source["url"], entry, source.get("kind")) for source in sources}
    found = []
    for key, values in entry.get("labels", {}).items():
        for language in values:
            dotted = f"labels.{key}.{language}"
            backing = [source["url"] for source in sources
                       if any(_covers(field, dotted) for field in supported_fields(source))]
            if backing and all(kinds[url] in WEAK_KINDS for url in backing):
                found.append(WeakFact(("labels", key, language), _hosts(backing)))
    for index, channel in enumerate(entry.get("complaint", [])):
        url = channel["source"]
        if kinds.get(url, source_kind(url, entry)) in WEAK_KINDS:
            found.append(WeakFact(("complaint", index, "source"), _hosts([url])))
    return found


def _hosts(urls: list[str]) -> tuple:
    return tuple(dict.fromkeys(urlsplit(url).hostname or url for url in urls))
