"""The one loader and validator of the provider dataset.

The command line (`dmm check`), the MkDocs hook and the tests all call `check_dataset`
or `load_dataset`, so a file that one rejects, all reject. Every problem is reported at once,
each with its file, field path and, where YAML knows it, line.
"""
from __future__ import annotations

import copy
import datetime as dt
import json
import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import fastjsonschema
import jsonschema
from babel import Locale, localedata

from . import paths
from .languages import Language, site_languages
from .names import is_hostname, is_slug
from .sourcing import weak_facts
from .textrules import TEXT_MARKS, describe, hidden_characters
from .urls import url_problem
from .yamlfile import YamlError, read_plain_yaml, read_yaml

LABEL_TOKEN = re.compile(r"\[\[([^\[\]]*)\]\]")
STALE_AFTER_DAYS = 365
WORKPLACE_KIND = "workplace-filter"     # the kind whose readers write to their own IT team
ISP_KIND = "isp"
MAILBOX_KIND = "mailbox-provider"                        # the kind whose customers can escalate to a regulator or ombudsman
# Channel types that reach a person (a form, an address, a phone line ...); forums and articles do not.
PERSON_CHANNELS = ("web-form", "email", "in-app", "phone", "chat", "ticket")
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
    escalation: dict[str, dict] = field(default_factory=dict)    # country code -> data/escalation/<CC>.yml
    header_rules: dict[str, dict] = field(default_factory=dict)  # filter -> data/headers/<filter>.yml (the header reader)
    # The build date (SOURCE_DATE_EPOCH when set): what the pages say about staleness depends on it.
    today: dt.date = field(default_factory=lambda: build_date())

    @staticmethod
    def reaches_person(entry: dict) -> bool:
        return any(channel["type"] in PERSON_CHANNELS for channel in entry["complaint"])

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
    return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date() if epoch else dt.date.today()


def is_stale(entry: dict, today: dt.date) -> bool:
    return (today - dt.date.fromisoformat(entry["last_verified"])).days > STALE_AFTER_DAYS


def parse_date(value) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None


@lru_cache(maxsize=4)
def provider_schema(languages: tuple[str, ...], kinds: tuple[str, ...]) -> dict:
    """data/schema/provider.schema.json with its closed lists filled in at load time, so the
    schema itself knows them: the site languages (every text needs each, and no other), the kinds
    of data/kinds.yml, the region codes and language codes that CLDR knows. `x-message` says in
    plain words what a value outside such a list is."""
    schema = json.loads(paths.SCHEMA.read_text(encoding="utf-8"))
    schema["properties"]["kind"]["enum"] = list(kinds)
    schema["properties"]["regions"]["items"].update(
        enum=sorted(_territories(languages[0])), **{"x-message": "is not an ISO 3166 region code that CLDR knows"})
    for name, definition in schema["$defs"].items():
        if name.endswith("_text") or name == "text_list":
            definition["required"] = list(languages)
            definition["propertyNames"] = {"enum": list(languages),
                                           "x-message": f"is not a site language ({', '.join(languages)})"}
            definition["x-text"] = True
    schema["properties"]["labels"]["additionalProperties"]["propertyNames"] = {
        "enum": sorted(_cldr_languages()), "x-message": "is not a language code that CLDR knows (ISO 639: de, fr, ja)"}
    return schema


@lru_cache(maxsize=4)
def _schema_validator(languages: tuple[str, ...], kinds: tuple[str, ...]) -> jsonschema.Draft202012Validator:
    schema = provider_schema(languages, kinds)
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


@lru_cache(maxsize=4)
def _fast_schema_check(languages: tuple[str, ...], kinds: tuple[str, ...]):
    """The same schema compiled to Python: forty times faster on the (usual) valid file. It only
    answers yes or no; jsonschema then lists every error of a file it rejects. The schema uses no
    keyword whose meaning differs between draft-07, which fastjsonschema knows, and 2020-12."""
    # A copy: fastjsonschema rewrites every $ref of the schema it compiles, in place.
    schema = copy.deepcopy(provider_schema(languages, kinds))
    return fastjsonschema.compile({**schema, "$schema": "http://json-schema.org/draft-07/schema#"})


def schema_errors(entry, languages: tuple[str, ...], kinds: tuple[str, ...]) -> list[jsonschema.ValidationError]:
    try:
        _fast_schema_check(languages, kinds)(entry)
        return []
    except fastjsonschema.JsonSchemaException:
        return sorted(_schema_validator(languages, kinds).iter_errors(entry), key=lambda e: list(map(str, e.absolute_path)))


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


# Keys whose value is reader-facing text keyed by site language, in provider and escalation files.
TEXT_KEYS = frozenset({"name", "operator", "about", "notes", "title", "note", "conditions", "when"})


def _is_prose(path: tuple) -> bool:
    """A string of a reader-facing text: a text's value (..., "about", "ar") or one step of a list
    of steps (..., "steps", ..., "ar", 2). Labels are the provider's words, never prose."""
    if not path or path[0] == "labels":
        return False
    if isinstance(path[-1], int):
        return "steps" in path
    return len(path) >= 2 and path[-2] in TEXT_KEYS


def is_url_field(path: tuple) -> bool:
    """A field that holds a link: website, any url (or a url per language), a channel's source."""
    return bool(path) and (path[-1] in ("url", "website", "source") or (len(path) >= 2 and path[-2] == "url"))


@dataclass
class RuleContext:
    """What the rules beyond the schema know besides the entry."""
    file: Path
    languages: list[str]
    kinds: dict
    today: dt.date
    rejected: frozenset = frozenset()     # top-level fields the schema refused (the rules do not see them)


# The rules beyond the schema. Each sees only fields the schema accepted, so a value always has
# the type the schema promises; each yields (field path, message) for every problem it finds.

def rule_file_name(entry: dict, context: RuleContext):
    if not is_slug(context.file.stem):
        yield (), (f"file name {context.file.name!r} must be lowercase letters, digits and single dashes "
                   "(web.de -> web-de.yml)")


def rule_slug_is_file_name(entry: dict, context: RuleContext):
    if "slug" in entry and entry["slug"] != context.file.stem:
        yield ("slug",), f"{entry['slug']!r} must equal the file name {context.file.stem!r}"


def rule_domains_are_hostnames(entry: dict, context: RuleContext):
    for index, domain in enumerate(entry.get("domains", [])):
        if not is_hostname(domain):
            yield ("domains", index), f"{domain[:80]!r} is not a valid lowercase domain name"


def is_source_address(path: tuple) -> bool:
    """The address of a page read as a source (sources[i].url, also in escalation bodies): the one
    kind of address that may be plain http, because it is shown, not linked."""
    return len(path) >= 3 and path[-3] == "sources" and path[-1] == "url"


def rule_safe_urls(entry: dict, context: RuleContext):
    for path, value in walk_fields(entry):
        if isinstance(value, str) and is_url_field(path):
            problem = url_problem(value, plain_http_allowed=is_source_address(path))
            if problem:
                yield path, f"{value[:80]!r} {problem}"


def rule_channel_addresses(entry: dict, context: RuleContext):
    for index, channel in enumerate(entry.get("complaint", [])):
        address = channel.get("address")
        if address and not is_hostname(address.rsplit("@", 1)[1]):
            yield ("complaint", index, "address"), f"{address[:80]!r} does not end in a valid lowercase domain name"


def rule_label_tokens_exist(entry: dict, context: RuleContext):
    if "labels" in context.rejected:
        return      # the labels are wrong already; saying that each one is missing would mislead
    labels = entry.get("labels", {})
    texts = list(walk_fields(entry.get("steps", {}), ("steps",)))
    for index, channel in enumerate(entry.get("complaint", [])):
        texts += walk_fields(channel.get("steps", {}), ("complaint", index, "steps"))
    texts += walk_fields(entry.get("view_headers", {}), ("view_headers",))
    for path, value in texts:
        if isinstance(value, str):
            for token in LABEL_TOKEN.findall(value):
                if token not in labels:
                    yield path, f"[[{token[:40]}]] names no entry of labels"


def rule_no_hidden_characters(entry: dict, context: RuleContext):
    """No control or format characters anywhere; reader-facing texts may keep TEXT_MARKS."""
    for path, value in walk_fields(entry):
        if isinstance(value, dict):
            for key in value:
                found = hidden_characters(key)
                if found:
                    yield path, f"has a key with the invisible character {describe(found[0])}"
        if isinstance(value, str):
            found = hidden_characters(value, TEXT_MARKS if _is_prose(path) else ())
            if found:
                yield path, (f"contains the invisible character {describe(found[0])}: control and format "
                             "characters are not allowed here (see CONTRIBUTING.md, 'Characters')")


def rule_real_dates(entry: dict, context: RuleContext):
    for path, value in walk_fields(entry):
        if path and path[-1] in ("checked", "last_verified") and isinstance(value, str):
            date = parse_date(value)
            if date is None:
                yield path, f"{value!r} is not a real date (YYYY-MM-DD)"
            elif date > context.today:
                yield path, f"{value} is in the future"


def rule_sources_listed_once(entry: dict, context: RuleContext):
    """One entry per page: what a page supports is said in one place, where a reviewer reads it whole."""
    first = {}
    for index, source in enumerate(entry.get("sources", [])):
        url = source.get("url")
        if url in first:
            yield ("sources", index, "url"), (f"already listed as sources {first[url]}: say everything the page "
                                              "supports in that one entry")
        else:
            first[url] = index


# Rules that hold in every data file, provider or escalation.
SHARED_RULES = (rule_safe_urls, rule_no_hidden_characters, rule_real_dates, rule_sources_listed_once)
RULES = (rule_file_name, rule_slug_is_file_name, rule_domains_are_hostnames, rule_channel_addresses,
         rule_label_tokens_exist, *SHARED_RULES)


def check_entry(file: Path, document, languages: list[Language], kinds: dict, today: dt.date) -> tuple[list[Problem], list[Problem]]:
    """Problems and warnings of one provider file: the schema first, then RULES on what it accepted."""
    name = _display(file)
    entry = document.data
    problems: list[Problem] = []
    warnings: list[Problem] = []

    def add(path, message, into=problems):
        into.append(Problem(name, _dotted(path), message, document.line_of(path)))

    if not isinstance(entry, dict):
        add((), "the file must hold one mapping of fields (slug, name, kind, ...)")
        return problems, warnings

    codes = tuple(language.code for language in languages)
    errors = schema_errors(entry, codes, tuple(sorted(kinds)))
    for error in errors:
        add(tuple(error.absolute_path), _schema_message(error))
    rejected = frozenset(error.absolute_path[0] for error in errors if error.absolute_path)
    accepted = {key: value for key, value in entry.items() if key in _schema_fields() and key not in rejected}

    context = RuleContext(file, list(codes), kinds, today, rejected)
    for rule in RULES:
        for path, message in rule(accepted, context):
            add(path, message)

    listed = {source["url"] for source in accepted.get("sources", [])}
    for index, channel in enumerate(accepted.get("complaint", [])):
        if channel["source"] not in listed:
            add(("complaint", index, "source"), "is not among sources, so it carries no date it was read: add it there", warnings)
    if "sources" not in rejected:
        for fact in weak_facts(accepted):
            add(fact.path, f"rests only on {', '.join(fact.hosts)}, a weak source (kind other): see CONTRIBUTING.md, "
                           "'Which sources count'", warnings)
    verified = parse_date(accepted.get("last_verified"))
    if verified and verified <= today and is_stale(accepted, today):
        add(("last_verified",), f"not verified since {accepted['last_verified']}: please check the entry again", warnings)
    return problems, warnings


@lru_cache(maxsize=1)
def _schema_fields() -> frozenset:
    return frozenset(json.loads(paths.SCHEMA.read_text(encoding="utf-8"))["properties"])


def _short(value, limit: int = 80) -> str:
    text = repr(value)
    return text if len(text) <= limit else text[:limit] + "…"


def _schema_message(error: jsonschema.ValidationError) -> str:
    """jsonschema's message, shortened: it quotes the whole value, which may be a megabyte."""
    limit = error.validator_value
    if error.validator == "enum" and "x-message" in error.schema:
        return f"{_short(error.instance)} {error.schema['x-message']}"
    if error.validator == "required" and error.schema.get("x-text"):
        missing = [code for code in error.validator_value if code not in error.instance]
        return f"missing the '{missing[0]}' text (every reader-facing text needs each site language)"
    if error.validator == "maxLength":
        return f"is {len(error.instance):,} characters long; the limit for this field is {limit:,}"
    if error.validator == "maxItems":
        return f"has {len(error.instance):,} items; the limit for this field is {limit:,}"
    if error.validator == "maxProperties":
        return f"has {len(error.instance):,} keys; the limit for this field is {limit:,}"
    if error.validator == "required":
        return error.message.replace("is a required property", "is required")
    if error.validator == "additionalProperties":
        extra = sorted(set(error.instance) - set(error.schema.get("properties", {})))
        verb = "was" if len(extra) == 1 else "were"
        return (f"Additional properties are not allowed ({', '.join(_short(key, 40) for key in extra[:5])} {verb} "
                "unexpected) (see data/schema/provider.schema.json)")
    if error.validator == "pattern" and error.schema.get("pattern", "").startswith("^https://"):
        return f"{_short(error.instance)} must be an https:// address"
    if error.validator == "oneOf" and isinstance(error.instance, str):
        return f"{_short(error.instance)} must be an https:// address"
    if error.validator == "type":
        return f"{_short(error.instance)} is not of type {error.validator_value!r}"
    if error.validator == "pattern" and error.schema.get("pattern", "").endswith(r"\d{4}-\d{2}-\d{2}$"):
        return f"{_short(error.instance)} is not a real date (YYYY-MM-DD)"
    if error.validator == "pattern":
        return f"{_short(error.instance)} does not match {error.validator_value!r}"
    message = error.message
    return message if len(message) <= 200 else message[:200] + "…"


@lru_cache(maxsize=1)
def _cldr_languages() -> frozenset:
    """Language codes with CLDR data (de, fr, ja, zh, ...): what a guide can name."""
    return frozenset(identifier.split("_")[0] for identifier in localedata.locale_identifiers())


@lru_cache(maxsize=1)
def _territories(language: str) -> frozenset:
    """The region codes CLDR knows (the codes are the same in every language's list)."""
    return frozenset(Locale.parse(language).territories)


def _display(file: Path) -> str:
    try:
        return str(file.resolve().relative_to(paths.ROOT))
    except ValueError:
        return str(file)


def _not_a_provider_file(file: Path) -> str | None:
    """Why a name in a data folder cannot be read as an entry, or None. Links could point
    anywhere on the machine that builds the site, and devices or pipes could block the build."""
    if file.is_symlink():
        return "is a symbolic link: data files must be regular files"
    if file.suffix != ".yml":
        return "unexpected file: data files end in .yml"
    if file.is_dir():
        return "is a folder, not a data file"
    if not file.is_file():
        return "is not a regular file"
    return None


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
        refusal = _not_a_provider_file(file)
        if refusal:
            problems.append(Problem(_display(file), "", refusal))
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
        for index, other in enumerate(document.data.get("see_also", [])):
            if other == slug or other not in entries:
                problems.append(Problem(_display(file), f"see_also.{index}", f"'{other}' must be the slug of another valid entry",
                                        document.line_of(("see_also", index))))
    for slug, (file, document) in entries.items():
        host = document.data.get("hosted_by")
        if host is not None and (host == slug or host not in entries or entries[host][1].data.get("hosted_by")):
            problems.append(Problem(_display(file), "hosted_by",
                                    f"'{host}' must be the slug of another valid entry that hosts its own mail",
                                    document.line_of(("hosted_by",))))

    bad_files = {problem.file for problem in problems}
    providers = {slug: document.data for slug, (file, document) in sorted(entries.items())
                 if _display(file) not in bad_files}
    escalation, escalation_problems, escalation_warnings = check_escalation(
        providers_dir.parent / "escalation", languages, kinds, providers, today)
    header_rules, header_problems, header_warnings = check_header_rules(
        providers_dir.parent / "headers", languages, kinds, providers, today)
    return (Dataset(providers, languages, kinds, warnings + escalation_warnings + header_warnings, escalation, header_rules),
            problems + escalation_problems + header_problems)


@lru_cache(maxsize=8)
def _companion_validator(schema_file: Path, languages: tuple[str, ...], kinds: tuple[str, ...]) -> jsonschema.Draft202012Validator:
    """A schema of another data folder (escalation, headers) with the provider schema's $defs
    (texts, channels, sources, dates)."""
    schema = json.loads(schema_file.read_text(encoding="utf-8"))
    schema.pop("$id", None)     # one document: every "#/$defs/..." resolves inside it
    # A copy: jsonschema remembers a subschema object with the document it first met it in.
    schema["$defs"] = {**copy.deepcopy(provider_schema(languages, kinds)["$defs"]), **schema["$defs"]}
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def _check_companion_folder(folder: Path, schema_file: Path, languages: list[Language], kinds: dict, today: dt.date,
                            rules, warnings_of, key: str) -> tuple[dict[str, dict], list[Problem], list[Problem]]:
    """Read and check every file of a data folder other than providers/ (escalation/, headers/): the
    schema, then `rules(context, data)`, which includes the shared rules. Clean files are returned by
    data[key]; `warnings_of(data)` lists what is worth saying but does not stop a build."""
    codes = tuple(language.code for language in languages)
    documents, problems, warnings = {}, [], []
    for file in sorted(folder.glob("*")) if folder.is_dir() else []:
        if file.name.startswith("."):
            continue
        name = _display(file)
        refusal = _not_a_provider_file(file)
        if refusal:
            problems.append(Problem(name, "", refusal))
            continue
        try:
            document = read_yaml(file)
        except YamlError as error:
            problems.append(Problem(name, error.path, error.message, error.line))
            continue
        found = [Problem(name, _dotted(error.absolute_path), _schema_message(error), document.line_of(error.absolute_path))
                 for error in _companion_validator(schema_file, codes, tuple(sorted(kinds))).iter_errors(document.data)]
        if not found:
            context = RuleContext(file, list(codes), kinds, today)
            found = [Problem(name, _dotted(path), message, document.line_of(path)) for path, message in rules(context, document.data)]
        problems += found
        if not found:
            documents[document.data[key]] = document.data
            warnings += [Problem(name, _dotted(path), message, document.line_of(path)) for path, message in warnings_of(document.data)]
    return documents, problems, warnings


def check_escalation(folder: Path, languages: list[Language], kinds: dict, providers: dict,
                     today: dt.date) -> tuple[dict[str, dict], list[Problem], list[Problem]]:
    """Read and check data/escalation/<CC>.yml: the schema, then the same rules on links, characters
    and dates as provider files, and that named members are entries of that country."""
    return _check_companion_folder(folder, paths.ESCALATION_SCHEMA, languages, kinds, today,
                                   lambda context, data: _escalation_rules(context, data, providers),
                                   lambda data: _escalation_warnings(data, providers), "country")


def _escalation_rules(context: RuleContext, data: dict, providers: dict):
    """The shared rules (links, characters, dates), the country, and the members' country."""
    country = data["country"]
    if country != context.file.stem:
        yield ("country",), f"{country!r} must equal the file name {context.file.stem!r}"
    if country not in _territories(context.languages[0]):
        yield ("country",), f"{country!r} is not an ISO 3166 region code that CLDR knows"
    for rule in SHARED_RULES:
        yield from rule(data, context)
    for index, body in enumerate(data["bodies"]):
        for position, slug in enumerate(body.get("members", [])):
            if slug in providers and country not in providers[slug]["regions"]:
                yield ("bodies", index, "members", position), f"{slug!r} is not an entry of {country} in data/providers/"


def _escalation_warnings(data: dict, providers: dict):
    """Members that are not in the dataset: a typo, or a check of a folder that holds only some
    entries (the tests build such folders), so a warning rather than an error."""
    for index, body in enumerate(data["bodies"]):
        for position, slug in enumerate(body.get("members", [])):
            if slug not in providers:
                yield ("bodies", index, "members", position), f"{slug!r} names no entry in data/providers/"


# Header formats whose meanings come from `values` (or a shared `table`), and from `fields`.
_VALUE_FORMATS = ("value", "stars")


def check_header_rules(folder: Path, languages: list[Language], kinds: dict, providers: dict,
                       today: dt.date) -> tuple[dict[str, dict], list[Problem], list[Problem]]:
    """Read and check data/headers/<filter>.yml, the meanings the header reader explains: the
    schema, the shared rules on links, characters and dates, then that every table named exists,
    that ranges run upwards, and that no header is explained twice."""
    seen: dict[str, str] = {}

    def unknown_receivers(data: dict):
        # A receiver naming no entry: a typo, or a check of a folder with only some entries (tests).
        for index, receiver in enumerate(data.get("receivers", [])):
            for position, slug in enumerate(receiver["providers"]):
                if slug not in providers:
                    yield ("receivers", index, "providers", position), f"{slug!r} names no entry in data/providers/"

    return _check_companion_folder(folder, paths.HEADERS_SCHEMA, languages, kinds, today,
                                   lambda context, data: _header_rules(context, data, seen), unknown_receivers, "filter")


def _header_rules(context: RuleContext, data: dict, seen: dict):
    """What the schema cannot say about a header rules file (`seen`: header name -> file, across files)."""
    if data["filter"] != context.file.stem:
        yield ("filter",), f"{data['filter']!r} must equal the file name {context.file.stem!r}"
    for rule in SHARED_RULES:
        yield from rule(data, context)
    tables = data.get("tables", {})

    def check_values(values, path):
        for index, value in enumerate(values):
            low, dots, high = value["match"].partition("..")
            if dots and int(low) > int(high):
                yield (*path, index, "match"), f"the range {value['match']!r} must run from the lower number to the higher"

    def check_meanings(item, path, needed: bool):
        if "values" in item and "table" in item:
            yield path, "give either values or table, not both"
        elif "table" in item and item["table"] not in tables:
            yield (*path, "table"), f"{item['table']!r} names no table of this file's tables"
        elif needed and "values" not in item and "table" not in item:
            yield path, "needs values (or a table) to explain"
        yield from check_values(item.get("values", []), (*path, "values"))

    for name, values in tables.items():
        yield from check_values(values, ("tables", name))
    for name, method in data.get("methods", {}).items():
        yield from check_values(method["values"], ("methods", name, "values"))
        yield from check_values(method.get("reason", []), ("methods", name, "reason"))
    for index, header in enumerate(data.get("headers", [])):
        path = ("headers", index)
        key = header["name"].lower()
        if key in seen:
            yield (*path, "name"), f"{header['name']!r} is already explained in {seen[key]}"
        seen[key] = context.file.name
        yield from check_meanings(header, path, header["format"] in _VALUE_FORMATS)
        if header["format"] == "fields" and not header.get("fields"):
            yield path, "the format fields needs the fields it explains"
        if header["format"] != "fields" and header.get("fields"):
            yield (*path, "fields"), f"fields are read only with the format fields, not {header['format']!r}"
        for position, item in enumerate(header.get("fields", [])):
            yield from check_meanings(item, (*path, "fields", position), True)


def load_dataset(providers_dir: Path = paths.PROVIDERS, languages: list[Language] | None = None,
                 today: dt.date | None = None) -> Dataset:
    """The dataset, or DataError listing every problem: nothing is published from broken data."""
    dataset, problems = check_dataset(providers_dir, languages, today)
    if problems:
        raise DataError(problems)
    return dataset
