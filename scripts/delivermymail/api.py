"""The JSON API: /api/v1/providers.json and one file per provider, for other sites and tools."""
from __future__ import annotations

import json
from pathlib import Path

from .dataset import Dataset

API_SCHEMA_VERSION = 1


def api_entry(dataset: Dataset, slug: str, entry: dict, site_url: str) -> dict:
    guides = {language.code: f"{site_url}{language.url_prefix}providers/{slug}/" for language in dataset.languages}
    return {"slug": slug, **{key: value for key, value in entry.items() if key != "slug"}, "guide": guides}


def api_files(dataset: Dataset, site_url: str) -> dict[Path, str]:
    """Every API file, relative to docs/."""
    entries = [api_entry(dataset, slug, entry, site_url) for slug, entry in dataset.providers.items()]
    languages = [language.code for language in dataset.languages]
    files = {Path("api", "v1", "providers.json"): _json({
        "schema_version": API_SCHEMA_VERSION, "languages": languages,
        "providers": entries, "domains": dataset.domain_owner})}
    files[Path("api", "v1", "escalation.json")] = _json({
        "schema_version": API_SCHEMA_VERSION, "languages": languages, "countries": dataset.escalation})
    for item in entries:
        files[Path("api", "v1", "providers", f"{item['slug']}.json")] = _json(
            {"schema_version": API_SCHEMA_VERSION, "languages": languages, "provider": item})
    return files


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"
