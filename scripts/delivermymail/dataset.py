"""The one loader and validator of the provider dataset.

The command line (`dmm.py check`), the MkDocs hook and the tests all call `check_dataset`
or `load_dataset`, so a file that one rejects, all reject. Every problem is reported at once,
each with its file, field path and, where YAML knows it, line.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

import fastjsonschema
import jsonschema
from babel import Locale

from . import paths
from .languages import Language, site_languages
from .yamlfile import YamlError, read_plain_yaml, read_yaml

SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
HOST_LABEL = re.compile(r"^(?!-)[a-z0-9-]{1,63}(?<!-)$")
LABEL_TOKEN = re.compile(r"\[\[([^\[\]]*)\]\]")
STALE_AFTER_DAYS = 365
WORLD = "001"


@dataclass
class Problem:
    file: str
    path: str
    message: str
    line: int | None = None

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.path or '(file)'}: {self.message}"


class DataError(Exception):
    """Raised by load_dataset when the data cannot be published; carries every problem."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        super().__init__("\n".join(str(problem) for problem in problems))


@dataclass
class Dataset:
    providers: dict[str, dict]          # slug -> entry, sorted by slug
    languages: list[Language]
    kinds: dict[str, dict]
    warnings: list[Problem] = field(default_factory=list)
    # The build date (SOURCE_DATE_EPOCH when set): what the pages say about staleness depends on it.
    today: dt.date = field(default_factory=lambda: build_date())

    @property
    def domain_owner(self) -> dict[str, str]:
        return {domain: slug for slug, entry in self.providers.items() for domain in entry["domains"]}

    def steps_of(self, entry: dict) -> tuple[dict, dict]:
        """The steps and labels a guide shows: the host's when the entry's mail is hosted elsewhere."""
        source = self.providers[entry["hosted_by"]] if entry.get("hosted_by") else entry
        return source.get("steps", {}), source.get("labels", {})


def build_date() -> dt.date:
    """Today, or the date of SOURCE_DATE_EPOCH when it is set, so that a rebuild of the same
    commit gives the same pages (the staleness list depends on the date)."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date() if epoch else dt.date.today()


def is_stale(entry: dict, today: dt.date) -> bool:
    return (today - dt.date.fromisoformat(entry["last_verified"])).days > STALE_AFTER_DAYS


def is_hostname(value: str) -> bool:
    if len(value) > 253 or value != value.lower() or "." not in value:
        return False
    labels = value.split(".")
    return all(HOST_LABEL.match(label) for label in labels) and not labels[-1].isdigit()


def parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _schema_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=1)
def _fast_schema_check():
    """The same schema compiled to Python: forty times faster on the (usual) valid file. It only
    answers yes or no; jsonschema then lists every error of a file it rejects. The schema uses no
    keyword whose meaning differs between draft-07, which fastjsonschema knows, and 2020-12."""
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    return fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})


def schema_errors(entry) -> list[jsonschema.ValidationError]:
    try:
        _fast_schema_check()(entry)
        return []
    except fastjsonschema.JsonSchemaException:
        return sorted(_schema_validator().iter_errors(entry), key=lambda e: list(map(str, e.absolute_path)))


def walk_fields(value, path=()):
    """Every (path, value) pair in a nested structure."""
    yield path, value
    if isinstance(value, dict):
        for key, item in value.items():
            yield from walk_fields(item, path + (key,))
    elif isinstance(value, list):
        for index, item in enumerate(value):
            yield from walk_fields(item, path + (index,))


def _dotted(path) -> str:
    return ".".join(str(part) for part in path)


def _is_text(path: tuple) -> bool:
    """Paths whose value is reader-facing text keyed by site language (see the schema's $defs/text)."""
    if not path:
        return False
    last = path[-1]
    if last in ("name", "operator", "about", "notes"):
        return len(path) == 1
    if last in ("title", "note"):
        return len(path) == 3 and path[0] in ("complaint", "senders")
    return len(path) == 3 and path[0] == "steps"


def check_entry(file: Path, document, languages: list[Language], kinds: dict, today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings of one provider file, schema first, then the rules beyond it."""
    name = _display(file)
    entry = document.data
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def add(path, message, into=problems):
        into.append(Problem(name, _dotted(path), message, document.line_of(path)))

    if not isinstance(entry, dict):
        add((), "the file must hold one mapping of fields (slug, name, kind, ...)")
        return problems, warnings

    for error in schema_errors(entry):
        add(tuple(error.absolute_path), _schema_message(error))

    if not SLUG.match(file.stem):
        add((), f"file name '{file.name}' must be lowercase letters, digits and dashes (web.de -> web-de.yml)")
    if isinstance(entry.get("slug"), str) and entry["slug"] != file.stem:
        add(("slug",), f"'{entry['slug']}' must equal the file name '{file.stem}'")

    kind = entry.get("kind")
    if isinstance(kind, str) and kind not in kinds:
        add(("kind",), f"'{kind}' is not one of {', '.join(sorted(kinds))} (data/kinds.yml)")

    known_regions = _territories()
    for index, region in enumerate(entry.get("regions") or []):
        if isinstance(region, str) and region not in known_regions:
            add(("regions", index), f"'{region}' is not an ISO 3166 region code that CLDR knows")

    for index, domain in enumerate(entry.get("domains") or []):
        if isinstance(domain, str) and not is_hostname(domain):
            add(("domains", index), f"'{domain}' is not a valid lowercase domain name")

    codes = [language.code for language in languages]
    for path, value in walk_fields(entry):
        if isinstance(value, str) and path and (path[-1] == "url" or (len(path) >= 2 and path[-2] == "url")
                                                or path == ("website",)):
            parts = urlsplit(value)
            # The schema already rejects anything that does not start with https://.
            if value.startswith("https://") and not parts.hostname:
                add(path, f"'{value[:80]}' must be an https:// address with a host")
        if _is_text(path) and isinstance(value, dict):
            for code in codes:
                if code not in value:
                    add(path, f"missing the '{code}' text (every reader-facing text needs each site language)")
            for code in value:
                if code not in codes:
                    add(path + (code,), f"'{code}' is not a site language ({', '.join(codes)})")

    entry_labels = entry.get("labels") if isinstance(entry.get("labels"), dict) else {}
    for path, value in walk_fields(entry.get("steps") or {}, ("steps",)):
        if isinstance(value, str):
            for token in LABEL_TOKEN.findall(value):
                if token not in entry_labels:
                    add(path, f"[[{token}]] names no entry of labels")

    for path in [("last_verified",)] + [("sources", i, "checked") for i in range(len(entry.get("sources") or []))]:
        value = entry.get(path[0]) if len(path) == 1 else (entry["sources"][path[1]] or {}).get("checked")
        if value is None:
            continue
        date = parse_date(value)
        if date is None:
            add(path, f"'{value}' is not a real date (YYYY-MM-DD)")
        elif date > today:
            add(path, f"{value} is in the future")
        elif path == ("last_verified",) and is_stale(entry, today):
            add(path, f"not verified since {value}: please check the entry again", warnings)
    return problems, warnings


def _schema_message(error: jsonschema.ValidationError) -> str:
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "additionalProperties":
        return error.message + " (see data/schema/provider.schema.json)"
    if error.validator == "pattern" and error.schema.get("pattern", "").startswith("^https://"):
        return f"{error.instance!r} must be an https:// address"
    if error.validator == "oneOf" and isinstance(error.instance, str):
        return f"{error.instance!r} must be an https:// address"
    return error.message


@lru_cache(maxsize=1)
def _territories() -> frozenset:
    return frozenset(Locale("en").territories)


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(file)


def check_dataset(providers_dir: Path = paths.PROVIDERS, languages: list[Language] | None = None,
                  today: dt.date | None = None) -> tuple[Dataset, list[Problem]]:
    """Read and check every provider file. Returns the dataset (only clean entries) and all problems."""
    languages = languages or site_languages()
    today = today or dt.date.today()    # the real day: a date after it is a typo, whatever the build date
    kinds = read_plain_yaml(paths.KINDS)
    problems: list[Problem] = []
    warnings: list[Problem] = []
    entries: dict[str, tuple[Path, object]] = {}

    # Hidden files (editors' swap and temporary files) are not entries.
    files = sorted(path for path in providers_dir.glob("*") if not path.name.startswith("."))
    for file in files:
        if file.suffix != ".yml":
            problems.append(Problem(_display(file), "", "unexpected file: provider files end in .yml"))
            continue
        try:
            document = read_yaml(file)
        except YamlError as error:
            problems.append(Problem(_display(file), error.path, error.message, error.line))
            continue
        found, warned = check_entry(file, document, languages, kinds, today)
        problems += found
        warnings += warned
        if not found:
            entries[file.stem] = (file, document)
    if not files:
        problems.append(Problem(_display(providers_dir), "", "no provider files found"))

    # Rules across files: one domain, one owner; hosted_by names an existing, self-hosted entry.
    owners: dict[str, list[tuple[str, Path, object, int]]] = {}
    for slug, (file, document) in entries.items():
        for index, domain in enumerate(document.data["domains"]):
            owners.setdefault(domain, []).append((slug, file, document, index))
    for domain, claims in owners.items():
        if len(claims) > 1:
            for slug, file, document, index in claims:
                others = ", ".join(other for other, *_ in claims if other != slug)
                problems.append(Problem(_display(file), f"domains.{index}",
                                        f"'{domain}' is also claimed by {others}: a domain has exactly one provider",
                                        document.line_of(("domains", index))))
    for slug, (file, document) in entries.items():
        host = document.data.get("hosted_by")
        if host is not None and (host == slug or host not in entries or entries[host][1].data.get("hosted_by")):
            problems.append(Problem(_display(file), "hosted_by",
                                    f"'{host}' must be the slug of another valid entry that hosts its own mail",
                                    document.line_of(("hosted_by",))))

    bad_files = {problem.file for problem in problems}
    providers = {slug: document.data for slug, (file, document) in sorted(entries.items())
                 if _display(file) not in bad_files}
    return Dataset(providers, languages, kinds, warnings), problems


def load_dataset(providers_dir: Path = paths.PROVIDERS, languages: list[Language] | None = None,
                 today: dt.date | None = None) -> Dataset:
    """The dataset, or DataError listing every problem: nothing is published from broken data."""
    dataset, problems = check_dataset(providers_dir, languages, today)
    if problems:
        raise DataError(problems)
    return dataset
