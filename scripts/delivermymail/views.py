"""What each generated page shows, in one language, already chosen, ordered and escaped: the
views handed to the templates in templates/. Logic lives here; markup lives in the templates."""
from __future__ import annotations

import datetime as dt
import unicodedata

from babel import Locale
from babel.dates import format_date
from markupsafe import Markup

from .dataset import ISP_KIND, LABEL_TOKEN, PERSON_CHANNELS, WORKPLACE_KIND, WORLD, Dataset, is_stale
from .languages import Language
from .markdown_safe import md_text, md_url, token
from .sourcing import SOURCE_KINDS, source_kind, weak_facts
from .strings import Strings
from .urls import is_plain_http

PLATFORMS = ("web", "android", "ios", "desktop")
TASKS = (("find", "section_find"), ("not_spam", "section_not_spam"), ("allow", "section_allow"))
TASK_IDS = {"find": "find", "not_spam": "not-spam", "allow": "allow"}


class Page:
    """Helpers for one language, handed to the templates as `t` and friends."""

    def __init__(self, dataset: Dataset, language: Language, strings: Strings, escape=md_text):
        self.escape = escape          # md_text for Markdown templates, html escape for HTML ones
        self.dataset = dataset
        self.language = language
        self.code = language.code
        self.strings = strings
        self.locale = Locale.parse(language.code)
        self.default_code = dataset.languages[0].code     # the site's default language

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
        return value.get(self.code) or value.get(self.default_code) or next(iter(value.values()))

    def step(self, text: str, labels: dict) -> Markup:
        """A step with each [[label]] shown as the provider's own label, isolated for bidi."""
        parts, position = [], 0
        for match in LABEL_TOKEN.finditer(text):
            parts.append(self.escape(text[position:match.start()]))
            label = labels[match.group(1)]
            # The reader's language, else the site's default, else the interface the label comes from.
            code = next(code for code in (self.code, self.default_code, *label) if code in label)
            parts.append(Markup('<bdi lang="{}">{}</bdi>').format(
                code, self.escape(label[code])))
            # A reader whose interface is in the site's default language still finds the control:
            # the reader's own label comes first, the default-language one beside it.
            if code != self.default_code and self.default_code in label:
                parts.append(Markup(' (<bdi lang="{}">{}</bdi>)').format(
                    self.default_code, self.escape(label[self.default_code])))
            position = match.end()
        parts.append(self.escape(text[position:]))
        return Markup("").join(parts)

    def language_name(self, code: str) -> str:
        return Locale.parse(code).get_display_name(self.locale) or code


# A guide shows this many address domains at once, the rest behind "and N more": Outlook has about
# a hundred, which would push the first step far down a phone's screen.
DOMAINS_SHOWN = 8


def channel_view(page: Page, item: dict, labels: dict) -> dict:
    """One channel (a complaint channel or a way to reach an escalation body), in one language."""
    kind, phone = item["type"], item.get("phone")
    separator = page.strings.by_language[page.code]["list_separator"]
    return {"type": token(kind), "type_name": page.t("channel_" + kind.replace("-", "_")),
            "title": page.text(item["title"]), "url": page.url(item["url"]) if item.get("url") else None,
            "address": item.get("address"), "phone": phone,
            "tel": "+" * phone.startswith("+") + "".join(filter(str.isdigit, phone)) if phone else None,
            "steps": [page.step(text, labels) for text in item["steps"][page.code]] if item.get("steps") else [],
            "languages": page.t("channel_languages", languages=separator.join(
                page.language_name(code) for code in item["languages"])) if item.get("languages") else None,
            "language_codes": " ".join(token(code) for code in item.get("languages", [])),
            "conditions": page.text(item["conditions"]) if item.get("conditions") else None,
            "note": page.text(item["note"]) if item.get("note") else None}


def body_view(page: Page, body: dict) -> dict:
    """One escalation body (ombudsman, dispute scheme, regulator), in one language."""
    return {"name": page.text(body["name"]), "local_name": body.get("local_name"),
            "kind": page.t(f"escalate_kind_{body['kind']}"), "when": page.text(body["when"]),
            "channels": [channel_view(page, item, {}) for item in body["channels"]],
            "note": page.text(body["note"]) if body.get("note") else None}


def escalation_bodies(page: Page, slug: str, entry: dict) -> list[dict]:
    """The bodies an ISP's customers can escalate to, for every country of the entry that has them;
    a body with members lists only its member providers. Mailbox providers get none: no regulator
    path is invented for them."""
    if entry["kind"] != ISP_KIND:
        return []
    bodies = []
    for country in entry["regions"]:
        for body in page.dataset.escalation.get(country, {}).get("bodies", []):
            if "members" not in body or slug in body["members"]:
                bodies.append({**body_view(page, body), "country": page.region(country)})
    return bodies


def escalation_view(page: Page) -> dict:
    """Every country with escalation data, by name, and its bodies."""
    countries = sorted(page.dataset.escalation.items(), key=lambda item: _sort_key(page.region(item[0])))
    return {"countries": [{"id": token(f"country-{code.lower()}"), "name": page.region(code),
                           "bodies": [body_view(page, body) for body in data["bodies"]],
                           "last_verified": page.date(data["last_verified"]),
                           # A page read for two bodies is listed once.
                           "sources": [source_link(source) for source in
                                       {source["url"]: source for body in data["bodies"] for source in body["sources"]}.values()]}
                          for code, data in countries]}


PHONES = ["android", "ios"]


def _same_steps(platforms: list[str], steps: dict, task: str) -> list[list[str]]:
    """The platforms of one task, those with the very same steps (in every language) together: the
    Android and iPhone apps often work alike, and a reader without the switch reads them once."""
    groups: list[list[str]] = []
    for key in platforms:
        same = next((group for group in groups if steps[group[0]][task] == steps[key][task]), None)
        if same:
            same.append(key)
        else:
            groups.append([key])
    return groups


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
                {"id": token(f"{TASK_IDS[task]}-{'-'.join(keys)}"), "platforms": Markup(" ").join(token(key) for key in keys),
                 "title": page.t("platform_phones") if keys == PHONES else Markup(" · ").join(page.t(f"platform_{key}") for key in keys),
                 "steps": [page.step(text, labels) for text in steps[keys[0]][task][page.code]]}
                for keys in _same_steps([key for key in PLATFORMS if key in steps and task in steps[key]], steps, task)
            ],
        })
    # The labels table: one row per label, one column per interface language that was checked,
    # the reader's language first, then the site's default language, then the provider's own languages.
    codes = sorted({code for values in labels.values() for code in values},
                   key=lambda code: (code != page.code, code != page.default_code, code))
    missing = sum(page.code not in values for values in labels.values())     # labels not checked in the reader's language
    label_table = {
        "languages": [{"code": token(code), "name": page.language_name(code)} for code in codes],
        "rows": [[{"code": token(code), "text": values.get(code)} for code in codes] for values in labels.values()],
        # The reader's own interface language, when no label (or only some) was checked in it: said, never guessed.
        "unchecked": page.language_name(page.code) if labels and missing == len(labels) else None,
        "partly_unchecked": page.language_name(page.code) if 0 < missing < len(labels) else None,
    }

    channels = [channel_view(page, item, labels) for item in entry["complaint"]]

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
        "domains_shown": DOMAINS_SHOWN,
        "website": entry["website"],
        "host": {"slug": token(entry["hosted_by"]), "name": page.text(host["name"])} if host else None,
        "see_also": [{"slug": token(other), "name": page.text(dataset.providers[other]["name"])}
                     for other in entry.get("see_also", []) if other in dataset.providers],
        "sections": sections,
        "labels": label_table,
        "view_headers": [page.step(text, labels) for text in entry.get("view_headers", {}).get(page.code, [])],
        "channels": [item for item in channels if item["type"] in PERSON_CHANNELS + ("forum",)],
        "articles": [item for item in channels if item["type"] == "article"],
        "reaches_person": dataset.reaches_person(entry),
        "workplace": entry["kind"] == WORKPLACE_KIND,
        "escalate": escalation_bodies(page, slug, entry),
        "senders": links(entry.get("senders", [])),
        "notes": page.text(entry["notes"]) if entry.get("notes") else None,
        "sources": source_groups(page, entry),
        "source_count": len(entry["sources"]),
        "last_verified": page.date(entry["last_verified"]),
        "meta_title": page.strings.format(page.code, "guide_title", {"name": page.text(entry["name"])}),
        # The guide's page of sources: its title raw for the front matter (escaped there), and as a heading.
        "sources_meta_title": page.strings.format(page.code, "sources_title", {"name": page.text(entry["name"])}),
        "sources_meta_description": page.strings.format(page.code, "sources_description", {"name": page.text(entry["name"])}),
        "sources_heading": page.strings.format(page.code, "sources_title", {"name": md_text(page.text(entry["name"]))}),
        "meta_description": page.strings.format(page.code, "guide_description", {"name": page.text(entry["name"])}),
    }


def source_link(source: dict) -> dict:
    """A source as the pages name it (templates/_source.html.j2): its title (its address when it has
    none), linked unless the page was read over plain http."""
    return {"url": source["url"], "title": source.get("title") or source["url"], "linked": not is_plain_http(source["url"])}


def source_groups(page: Page, entry: dict) -> list[dict]:
    """A guide's sources by kind of page, strongest first (sourcing.SOURCE_KINDS), each with the date
    it was read: shown on the guide's own page of sources (providers/<slug>/sources/)."""
    by_kind: dict[str, list] = {kind: [] for kind in SOURCE_KINDS}
    for source in entry["sources"]:
        by_kind[source_kind(source["url"], entry, source.get("kind"))].append(
            {**source_link(source), "checked": page.date(source["checked"])})
    return [{"kind": kind, "heading": page.t(f"sources_kind_{kind.replace('-', '_')}"), "sources": sources}
            for kind, sources in by_kind.items() if sources]


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
        if entry["kind"] != WORKPLACE_KIND and not dataset.reaches_person(entry):
            missing.append(page.t("needs_no_complaint"))
        listed = {source["url"] for source in entry["sources"]}
        if any(channel["source"] not in listed for channel in entry["complaint"]):
            missing.append(page.t("needs_undated_channel"))
        weak = {fact.path[0] for fact in weak_facts(entry)}
        missing += [page.t(key) for field, key in (("labels", "needs_weak_labels"), ("complaint", "needs_weak_channel")) if field in weak]
        if entry["kind"] != WORKPLACE_KIND and WORLD in entry["regions"] and labels:
            for language in dataset.languages[1:]:
                if not any(language.code in values for values in labels.values()):
                    missing.append(page.t("needs_no_labels_in", language=page.language_name(language.code)))
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
