"""Turn the dataset into pages and files under docs/: provider guides and indexes in every site
language, and the JSON API. Logic lives here; markup lives in scripts/templates/.

Files are written only when their content changed (so `mkdocs serve` reloads only what moved),
and generated files that no longer belong to any provider are removed.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import html
import io
import json
import unicodedata
from pathlib import Path

import jinja2
import segno
from babel import Locale
from babel.dates import format_date
from markupsafe import Markup, escape

from . import paths
from .badges import badge_files, catalogue
from .dataset import LABEL_TOKEN, WORLD, Dataset, is_stale, load_dataset
from .languages import Language
from .lookup import MAX_INPUT, MAX_TYPO_DISTANCE, SHORT_DOMAIN
from .markdown_safe import front_matter, md_text, md_url, token
from .names import HOST_LABEL
from .strings import Strings, load_strings
from .textrules import HIDDEN_CATEGORIES, TRIMMED

API_SCHEMA_VERSION = 1
PLATFORMS = ("web", "android", "ios", "desktop")
TASKS = (("find", "section_find"), ("not_spam", "section_not_spam"), ("allow", "section_allow"))
TASK_IDS = {"find": "find", "not_spam": "not-spam", "allow": "allow"}


def _environment(escape) -> jinja2.Environment:
    """Every {{ value }} goes through `escape` unless it is already Markup: data is inert by
    default. Markdown templates escape with md_text; the guide template, written as HTML blocks,
    with escape (HTML only) and marks its Markdown headings with the `md` filter."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES),
        finalize=escape,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["front"] = front_matter
    env.filters["md"] = md_text
    return env


class Page:
    """Helpers for one language, handed to the templates as `t` and friends."""

    def __init__(self, dataset: Dataset, language: Language, strings: Strings, escape=md_text):
        self.escape = escape          # md_text for Markdown templates, html escape for HTML ones
        self.dataset = dataset
        self.language = language
        self.code = language.code
        self.strings = strings
        self.locale = Locale.parse(language.code)

    def t(self, key: str, **fields) -> Markup:
        """A template string with its fields filled in; the fields are escaped, the string is trusted."""
        return self.strings.format(self.code, key, {name: self.escape(value) for name, value in fields.items()})

    def text(self, value: dict) -> str:
        return value[self.code]

    def date(self, iso: str) -> str:
        return format_date(dt.date.fromisoformat(iso), format="long", locale=self.locale)

    def region(self, code: str) -> str:
        # CLDR writes some names in lowercase for use inside sentences ("world"); these are headings.
        name = self.locale.territories.get(code, code)
        return name[:1].upper() + name[1:]

    def url(self, value) -> str:
        if isinstance(value, str):
            return value
        return value.get(self.code) or value.get("en") or next(iter(value.values()))

    def step(self, text: str, labels: dict) -> Markup:
        """A step with each [[label]] shown as the provider's own label, isolated for bidi."""
        parts, position = [], 0
        for match in LABEL_TOKEN.finditer(text):
            parts.append(self.escape(text[position:match.start()]))
            label = labels[match.group(1)]
            code = self.code if self.code in label else "en"
            parts.append(Markup('<bdi lang="{}">{}</bdi>').format(
                code, self.escape(label[code])))
            position = match.end()
        parts.append(self.escape(text[position:]))
        return Markup("").join(parts)

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_display_name(self.locale) or code


def provider_view(page: Page, slug: str, entry: dict) -> dict:
    """Everything a guide shows, in one language, already chosen and ordered."""
    dataset = page.dataset
    steps, labels = dataset.steps_of(entry)
    host = dataset.providers.get(entry["hosted_by"]) if entry.get("hosted_by") else None
    sections = []
    for task, title_key in TASKS:
        sections.append({
            "id": token(TASK_IDS[task]), "title": page.t(title_key), "intro": page.t(f"{title_key}_intro"),
            "generic": page.t(f"generic_{task}"),
            "platforms": [
                {"id": token(f"{TASK_IDS[task]}-{key}"), "title": page.t(f"platform_{key}"),
                 "steps": [page.step(text, labels) for text in steps[key][task][page.code]]}
                for key in PLATFORMS if key in steps and task in steps[key]
            ],
        })
    # The labels table: one row per label, one column per interface language that was checked,
    # the reader's language first, then English, then the provider's own languages.
    codes = sorted({code for values in labels.values() for code in values},
                   key=lambda code: (code != page.code, code != "en", code))
    label_table = {
        "languages": [{"code": token(code), "name": page.language_name(code)} for code in codes],
        "rows": [[{"code": token(code), "text": values.get(code)} for code in codes] for values in labels.values()],
    }

    def links(items):
        return [{"title": page.text(item["title"]), "url": page.url(item["url"]),
                 "note": page.text(item["note"]) if item.get("note") else None} for item in items]

    return {
        "slug": token(slug),
        "name": page.text(entry["name"]),
        "about": page.text(entry["about"]),
        "kind": dataset.kinds[entry["kind"]][page.code],
        "operator": page.text(entry["operator"]) if entry.get("operator") else None,
        "regions": [page.region(code) for code in entry["regions"]],
        "domains": [token(domain) for domain in entry["domains"]],
        "website": entry["website"],
        "host": {"slug": token(entry["hosted_by"]), "name": page.text(host["name"])} if host else None,
        "sections": sections,
        "labels": label_table,
        "complaint": links(entry["complaint"]),
        "senders": links(entry.get("senders", [])),
        "notes": page.text(entry["notes"]) if entry.get("notes") else None,
        "sources": [{"url": source["url"], "title": source.get("title") or source["url"],
                     "checked": page.date(source["checked"])} for source in entry["sources"]],
        "last_verified": page.date(entry["last_verified"]),
        "meta_title": page.strings.format(page.code, "guide_title", {"name": page.text(entry["name"])}),
        "meta_description": page.strings.format(page.code, "guide_description", {"name": page.text(entry["name"])}),
    }


def _sort_key(text: str) -> str:
    """Alphabetical order across scripts: accents and Arabic hamza or vowel marks do not start a
    new letter (É files under E, أ and إ under ا)."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) != "Mn").casefold()


def index_view(page: Page) -> dict:
    entries = sorted(page.dataset.providers.items(), key=lambda item: _sort_key(page.text(item[1]["name"])))
    groups: dict[str, list] = {}
    for slug, entry in entries:
        name = page.text(entry["name"])
        groups.setdefault(_sort_key(name)[:1].upper(), []).append(
            {"slug": token(slug), "name": name, "kind": page.dataset.kinds[entry["kind"]][page.code],
             "domains": [token(domain) for domain in entry["domains"]]})
    return {"groups": list(groups.items()), "count": len(entries), "first_letter_id": token("letter-1")}


def regions_view(page: Page) -> dict:
    by_region: dict[str, list] = {}
    for slug, entry in page.dataset.providers.items():
        for code in entry["regions"]:
            by_region.setdefault(code, []).append({"slug": token(slug), "name": page.text(entry["name"])})
    order = sorted(by_region, key=lambda code: (code != WORLD, _sort_key(page.region(code))))
    return {"regions": [{"id": token(f"region-{code.lower()}"), "name": page.region(code),
                         "providers": sorted(by_region[code], key=lambda item: _sort_key(item["name"]))}
                        for code in order]}


def needs_checking_view(page: Page) -> dict:
    """Where contributors can help: stale entries first, then entries with facts still missing."""
    dataset = page.dataset
    stale, gaps = [], []
    for slug, entry in sorted(dataset.providers.items(), key=lambda item: item[1]["last_verified"]):
        name = page.text(entry["name"])
        if is_stale(entry, dataset.today):
            stale.append({"slug": token(slug), "name": name, "date": page.date(entry["last_verified"])})
        missing = []
        steps, labels = dataset.steps_of(entry)
        if not steps:
            missing.append(page.t("needs_no_steps"))
        if not entry["complaint"]:
            missing.append(page.t("needs_no_complaint"))
        if entry["kind"] != "workplace-filter" and WORLD in entry["regions"] and labels and not any(
                "ar" in values for values in labels.values()):
            missing.append(page.t("needs_no_arabic_labels"))
        if missing:
            gaps.append({"slug": token(slug), "name": name, "missing": missing})
    gaps.sort(key=lambda item: _sort_key(item["name"]))
    return {"stale": stale, "gaps": gaps}


def senders_view(page: Page) -> dict:
    """Every provider that publishes something for senders, alphabetically."""
    entries = [
        {"slug": token(slug), "name": page.text(entry["name"]), "date": page.date(entry["last_verified"]),
         "links": [{"title": page.text(item["title"]), "url": md_url(page.url(item["url"])),
                    "note": page.text(item["note"]) if item.get("note") else None} for item in entry["senders"]]}
        for slug, entry in page.dataset.providers.items() if entry.get("senders")
    ]
    return {"providers": sorted(entries, key=lambda item: _sort_key(item["name"]))}


def qr_code(text: str, title: str) -> str:
    """A QR code as a small, self-contained SVG (no ids, no external references)."""
    buffer = io.BytesIO()
    segno.make(text, error="m").save(buffer, kind="svg", scale=6, border=2, xmldecl=False, svgclass=None,
                                     lineclass=None, title=title, dark="#000000", light="#ffffff")
    return buffer.getvalue().decode("utf-8") + "\n"


def guide_search_entries(dataset: Dataset) -> dict[str, list[dict]]:
    """Search entries for the guides, per language, made from the data: the name, what the
    provider is and its domains. Guides are left out of the theme's own indexing, which would
    parse thousands of pages (and compare each entry with every other) to say the same."""
    entries = {}
    for language in dataset.languages:
        code = language.code
        # The theme shows an entry's title and text as HTML: escape them exactly as the search
        # plugin escapes the text it takes from pages (html.escape, quote=False).
        entries[code] = [
            {"location": f"providers/{slug}/", "title": html.escape(entry["name"][code], quote=False),
             "text": html.escape(" ".join([entry["about"][code], dataset.kinds[entry["kind"]][code],
                                           *entry["domains"]]), quote=False)}
            for slug, entry in dataset.providers.items()
        ]
    return entries


def api_entry(dataset: Dataset, slug: str, entry: dict, site_url: str) -> dict:
    guides = {language.code: f"{site_url}{language.url_prefix}providers/{slug}/" for language in dataset.languages}
    return {"slug": slug, **{key: value for key, value in entry.items() if key != "slug"}, "guide": guides}


# Rendered guides kept between builds of one process (`mkdocs serve`): after an edit to one
# provider file only that provider's guides are rendered again. The key holds everything a guide
# depends on: its entry, its host's entry, and the strings, kinds, templates and links used.
_rendered_guides: dict[tuple, str] = {}


def _inputs_key(dataset: Dataset, strings: Strings, edit_base: str) -> str:
    templates = b"".join(path.read_bytes() for path in sorted(paths.TEMPLATES.glob("*.j2")))
    shared = json.dumps([strings.by_language, dataset.kinds, edit_base], sort_keys=True).encode() + templates
    return hashlib.sha256(shared).hexdigest()


def _guide_key(shared: str, language: Language, slug: str, entry: dict, dataset: Dataset) -> tuple:
    host = dataset.providers.get(entry["hosted_by"]) if entry.get("hosted_by") else None
    return (shared, language.code, slug, json.dumps(entry, sort_keys=True), json.dumps(host, sort_keys=True))


def render_all(dataset: Dataset, strings: Strings, repo_url: str = "", site_url: str = "") -> dict[Path, str | bytes]:
    """Every generated file, relative to docs/, with its content (text, or bytes for images)."""
    markdown_env, html_env = _environment(md_text), _environment(escape)
    site_url = site_url.rstrip("/") + "/" if site_url else "/"
    edit_base = f"{repo_url.rstrip('/')}/edit/main/data/providers/" if repo_url else ""
    shared = _inputs_key(dataset, strings, edit_base)
    wanted = {_guide_key(shared, language, slug, entry, dataset)
              for language in dataset.languages for slug, entry in dataset.providers.items()}
    for key in set(_rendered_guides) - wanted:     # forget what no longer exists
        del _rendered_guides[key]
    files: dict[Path, str] = {}
    for language in dataset.languages:
        page = Page(dataset, language, strings)
        guide_page = Page(dataset, language, strings, escape=escape)
        common = {"t": page.t}
        guide_template = html_env.get_template("provider.md.j2")
        for slug, entry in dataset.providers.items():
            key = _guide_key(shared, language, slug, entry, dataset)
            if key not in _rendered_guides:
                _rendered_guides[key] = guide_template.render(
                    p=provider_view(guide_page, slug, entry), t=guide_page.t, edit_base=edit_base)
            files[Path("providers", f"{slug}{language.suffix}.md")] = _rendered_guides[key]
        files[Path("providers", f"index{language.suffix}.md")] = markdown_env.get_template("providers-az.md.j2").render(
            v=index_view(page), **common)
        files[Path("providers", f"regions{language.suffix}.md")] = markdown_env.get_template(
            "providers-regions.md.j2").render(v=regions_view(page), **common)
        files[Path("providers", f"needs-checking{language.suffix}.md")] = markdown_env.get_template(
            "needs-checking.md.j2").render(v=needs_checking_view(page), **common)
        files[Path("providers", f"for-senders{language.suffix}.md")] = markdown_env.get_template(
            "providers-senders.md.j2").render(v=senders_view(page), **common)
        finder_url = f"{site_url}{language.url_prefix}find/"
        files[Path("assets", "generated", f"qr-find{language.suffix}.svg")] = qr_code(
            finder_url, strings.by_language[language.code]["qr_alt"].format_map({"url": finder_url}))

    entries = [api_entry(dataset, slug, entry, site_url) for slug, entry in dataset.providers.items()]
    languages = [language.code for language in dataset.languages]
    files[Path("api", "v1", "providers.json")] = _json({
        "schema_version": API_SCHEMA_VERSION, "languages": languages,
        "providers": entries, "domains": dataset.domain_owner})
    for item in entries:
        files[Path("api", "v1", "providers", f"{item['slug']}.json")] = _json(
            {"schema_version": API_SCHEMA_VERSION, "languages": languages, "provider": item})
    badges, badge_sizes = badge_files(catalogue(dataset.languages, strings, dataset.providers))
    files.update(badges)
    files[BROWSER_DATA] = browser_data(dataset, strings, badge_sizes)
    return files


BROWSER_STRINGS = ("ui_", "letter_", "badge_")


def browser_data(dataset: Dataset, strings: Strings, badge_sizes: dict) -> str:
    """The finder's domain table and the browser tools' strings: the same data and limits as
    `dmm lookup`, so the browser and the command line answer alike."""
    data = {
        "limits": {"maxInput": MAX_INPUT, "maxTypoDistance": MAX_TYPO_DISTANCE, "shortDomain": SHORT_DOMAIN},
        # Rules the browser applies exactly as Python does (names.py, textrules.py).
        "rules": {"hostLabel": HOST_LABEL.pattern, "trimmed": TRIMMED, "hiddenCategories": list(HIDDEN_CATEGORIES)},
        "domains": dataset.domain_owner,
        "providers": {slug: {"name": entry["name"], "kind": entry["kind"]} for slug, entry in dataset.providers.items()},
        "languages": [{"code": language.code, "prefix": language.url_prefix, "name": language.name,
                       "direction": language.direction} for language in dataset.languages],
        "badges": {name: size for name, size in badge_sizes.items() if not name.startswith("providers/")},
        "strings": {language.code: {key: text for key, text in strings.by_language[language.code].items()
                                    if key.startswith(BROWSER_STRINGS)} for language in dataset.languages},
    }
    return ("// Generated from data/ by scripts/delivermymail/generate.py; do not edit.\n"
            f"window.DMM_DATA = {json.dumps(data, ensure_ascii=False, sort_keys=True)};\n")


def _json(value) -> str:
    return json.dumps(value, ensure_ascii=False, indent=1, sort_keys=True) + "\n"


BROWSER_DATA = Path("assets", "generated", "dmm-data.js")
GENERATED_DIRS = (Path("providers"), Path("api", "v1"), BROWSER_DATA.parent, Path("badges"))


def write_files(files: dict[Path, str | bytes], docs_dir: Path) -> list[Path]:
    """Write what changed, remove generated files that are no longer produced. Returns changed paths."""
    changed = []
    for relative, content in sorted(files.items()):
        target = docs_dir / relative
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(relative)
    wanted = {docs_dir / relative for relative in files}
    for folder in GENERATED_DIRS:
        for existing in sorted((docs_dir / folder).rglob("*")):
            if existing.is_file() and existing not in wanted:
                existing.unlink()
                changed.append(existing.relative_to(docs_dir))
    return changed


def generate_site(docs_dir: Path = paths.DOCS, providers_dir: Path = paths.PROVIDERS,
                  repo_url: str = "", site_url: str = "", dataset: Dataset | None = None) -> list[Path]:
    """Validate, then render and write. Raises DataError before writing anything if the data is broken."""
    dataset = dataset or load_dataset(providers_dir)
    strings = load_strings(dataset.languages)
    return write_files(render_all(dataset, strings, repo_url, site_url), docs_dir)
