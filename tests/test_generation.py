"""Generation: languages come from configuration, output is stable, and gaps in translation are reported."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

from sitetools import FIXTURES

from delivermymail.dataset import load_dataset
from delivermymail.generate import generate_site
from delivermymail.languages import Language, site_languages
from delivermymail.sourcing import SOURCE_KINDS, source_kind
from delivermymail.strings import load_strings, missing_translations


def test_site_has_no_missing_translation():
    assert missing_translations(site_languages()) == []


def test_missing_translations_are_reported(tmp_path):
    languages = site_languages()
    tables = {"en": {"a": "A {name}", "b": "B"}, "ar": {"a": "أ {other}"}}
    problems = missing_translations(languages, tables)
    assert "data/strings/ar.yml: 'b' is not translated" in problems
    assert "data/strings/ar.yml: 'a' must use the fields ['name']" in problems


def test_a_third_language_needs_only_translations():
    """Adding French to the configuration makes every gap visible, and touches no code."""
    languages = site_languages() + [Language("fr", "Français", False)]
    problems = missing_translations(languages)
    assert "data/strings/fr.yml: missing file" in problems
    assert any(problem.startswith("docs/index.md: no Français twin") for problem in problems)
    assert any("data/kinds.yml: 'isp' has no 'fr' label" in problem for problem in problems)


def test_generation_writes_only_what_changed(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    shutil.copy2(FIXTURES / "valid-base.yml", providers / "valid-base.yml")
    docs = tmp_path / "docs"
    first = generate_site(docs_dir=docs, providers_dir=providers)
    assert {path.as_posix() for path in first} >= {"providers/valid-base.md", "providers/valid-base.ar.md",
                                                   "providers/index.md", "api/v1/providers.json"}
    assert generate_site(docs_dir=docs, providers_dir=providers) == []
    # Removing a provider removes its generated pages.
    (providers / "valid-base.yml").rename(providers / "renamed.yml")
    text = (providers / "renamed.yml").read_text().replace("slug: valid-base", "slug: renamed")
    (providers / "renamed.yml").write_text(text)
    generate_site(docs_dir=docs, providers_dir=providers)
    assert not (docs / "providers" / "valid-base.md").exists()
    assert not (docs / "providers" / "valid-base" / "sources.ar.md").exists()
    assert (docs / "providers" / "renamed" / "sources.ar.md").exists()
    assert (docs / "providers" / "renamed.ar.md").exists()


def test_hosted_entry_reuses_its_hosts_steps(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    shutil.copy2(FIXTURES / "valid-base.yml", providers / "valid-base.yml")
    isp = (FIXTURES / "valid-base.yml").read_text(encoding="utf-8")
    isp = isp.replace("slug: valid-base", "slug: hosted-isp\nhosted_by: valid-base").replace(
        "fixture-mail.example", "isp.example").replace("kind: mailbox-provider", "kind: isp")
    isp = isp[: isp.index("labels:")] + isp[isp.index("complaint:"):]
    (providers / "hosted-isp.yml").write_text(isp, encoding="utf-8")
    docs = tmp_path / "docs"
    generate_site(docs_dir=docs, providers_dir=providers)
    page = (docs / "providers" / "hosted-isp.md").read_text(encoding="utf-8")
    assert 'lang="en">Spam</bdi>' in page
    assert 'href="../valid-base/"' in page


def test_contributing_field_table_is_current():
    from delivermymail import cli as dmm

    assert dmm.main(["fields", "--verify"]) == 0
    schema_fields = dmm.field_table()
    for name in ("slug", "hosted_by", "last_verified"):
        assert f"| `{name}` |" in schema_fields


def test_unconfirmed_tasks_show_general_advice_marked_as_such(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    shutil.copy2(FIXTURES / "valid-base.yml", providers / "valid-base.yml")  # confirms only web "find"
    docs = tmp_path / "docs"
    generate_site(docs_dir=docs, providers_dir=providers)
    strings = load_strings(site_languages())
    for language in site_languages():
        page = (docs / "providers" / f"valid-base{language.suffix}.md").read_text(encoding="utf-8")
        table = strings.by_language[language.code]
        assert table["generic_not_spam"] in page and table["generic_allow"] in page
        assert table["generic_find"] not in page, "a confirmed task must not fall back to general advice"


def test_needs_checking_lists_stale_entries_and_gaps(tmp_path, monkeypatch):
    providers = tmp_path / "providers"
    providers.mkdir()
    shutil.copy2(FIXTURES / "valid-base.yml", providers / "valid-base.yml")  # verified 2026-01-15
    docs = tmp_path / "docs"
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1780000000")  # 2026-05-28: fresh
    generate_site(docs_dir=docs, providers_dir=providers)
    fresh = (docs / "providers" / "needs-checking.md").read_text(encoding="utf-8")
    assert "Every guide was verified within the last twelve months." in fresh
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1830000000")  # 2027-12-28: stale
    generate_site(docs_dir=docs, providers_dir=providers)
    stale = (docs / "providers" / "needs-checking.ar.md").read_text(encoding="utf-8")
    assert "(valid-base.md): آخر تحقق: 15 يناير 2026" in stale


def test_link_check_covers_every_url_in_the_data():
    from delivermymail.links import external_links

    dataset = load_dataset()
    links = external_links(dataset)
    gmail = dataset.providers["gmail"]
    expected = {gmail["website"], *(source["url"] for source in gmail["sources"]),
                *(link["url"] for link in gmail["complaint"] + gmail.get("senders", []) if isinstance(link.get("url"), str))}
    assert expected <= set(links)
    # Plain http only where a page was read as a source (shown as text, never linked).
    assert all(url.startswith("https://") or all(re.search(r": (.*\.)?sources\.\d+\.url$", where) for where in used)
               for url, used in links.items()), {url: used for url, used in links.items() if not url.startswith("https://")}
    assert any(where.startswith("gmail: sources.") for where in links[gmail["sources"][0]["url"]])


def test_editing_one_provider_renders_only_its_guides(monkeypatch):
    from delivermymail import generate

    dataset = load_dataset()
    strings = load_strings(dataset.languages)
    generate.render_all(dataset, strings)
    rendered = []
    original = generate.provider_view
    monkeypatch.setattr(generate, "provider_view",
                        lambda page, slug, entry: rendered.append(slug) or original(page, slug, entry))
    gmail = dataset.providers["gmail"]
    dataset.providers["gmail"] = {**gmail, "about": {code: text + " Edited." for code, text in gmail["about"].items()}}
    files = generate.render_all(dataset, strings)
    assert rendered == ["gmail"] * len(dataset.languages)
    assert "Edited." in files[Path("providers", "gmail.md")]


def test_needs_checking_lists_facts_resting_on_weak_sources(tmp_path):
    providers = tmp_path / "providers"
    providers.mkdir()
    text = (FIXTURES / "valid-base.yml").read_text(encoding="utf-8")
    (providers / "valid-base.yml").write_text(text.replace("https://help.fixture.example/spam", "https://howto-mail.example/spam")
                                              .replace("title: Spam help", "title: Spam help\n    supports: labels"), encoding="utf-8")
    docs = tmp_path / "docs"
    generate_site(docs_dir=docs, providers_dir=providers)
    strings = load_strings(site_languages())
    for language in site_languages():
        page = (docs / "providers" / f"needs-checking{language.suffix}.md").read_text(encoding="utf-8")
        line = next(line for line in page.splitlines() if "(valid-base.md)" in line).replace("\\", "")  # Markdown escapes
        table = strings.by_language[language.code]
        assert table["needs_weak_labels"] in line and table["needs_weak_channel"] in line


def test_arabic_a_to_z_files_each_entry_under_its_own_name():
    """A name starts with the provider's own name, so the A-Z puts Microsoft 365 under «م», not
    every quarantine under «ا» (the first letter of «الحجر»)."""
    from delivermymail.views import Page, index_view

    dataset = load_dataset()
    arabic = next(language for language in dataset.languages if language.code == "ar")
    view = index_view(Page(dataset, arabic, load_strings(dataset.languages)))
    groups = {letter: [str(item["slug"]) for item in items] for letter, items in view["groups"]}
    assert "microsoft-365" in groups["م"] and "cisco" in groups["س"] and "gmail" in groups["ج"]
    assert not [slug for slug in groups.get("ا", []) if dataset.providers[slug]["kind"] == "workplace-filter"]


def test_a_guide_says_when_its_reader_s_interface_language_was_not_checked(site):
    """A guide whose labels were checked in English only (the first such entry in the data) says so on its
    Arabic page rather than translate them; its English page, whose labels are English, says nothing."""
    strings = load_strings(site_languages()).by_language
    slug = next(slug for slug, entry in sorted(load_dataset().providers.items())
                if entry.get("labels") and all(set(label) == {"en"} for label in entry["labels"].values()))
    arabic = (site / "ar" / "providers" / slug / "index.html").read_text(encoding="utf-8")
    english = (site / "providers" / slug / "index.html").read_text(encoding="utf-8")
    assert strings["ar"]["labels_unchecked"].split("{name}")[0] in arabic
    assert strings["en"]["labels_unchecked"].split("{name}")[0] not in english


def test_an_arabic_step_shows_the_arabic_label_first_and_the_english_one_beside_it():
    """A reader whose phone is in Arabic reads the Arabic label; one whose interface is in English
    finds the English label beside it. A label checked in English only is not repeated, and the
    English guide never shows the Arabic label."""
    from delivermymail.views import Page

    dataset = load_dataset()
    strings = load_strings(dataset.languages)
    pages = {language.code: Page(dataset, language, strings) for language in dataset.languages}
    arabic, english = pages["ar"], pages["en"]
    labels = {"junk": {"en": "Junk <Email>", "ar": "البريد غير الهام"}, "settings": {"en": "Settings"}}
    text = "افتح [[junk]] ثم [[settings]]"
    assert str(arabic.step(text, labels)) == (
        'افتح <bdi lang="ar">البريد غير الهام</bdi> (<bdi lang="en">Junk &lt;Email&gt;</bdi>) ثم '
        '<bdi lang="en">Settings</bdi>')
    assert str(english.step("Open [[junk]]", labels)) == 'Open <bdi lang="en">Junk &lt;Email&gt;</bdi>'


def test_a_guide_says_which_of_its_labels_were_checked_in_the_reader_s_language(site):
    """Gmail's and Outlook's spam folders were checked in Arabic, their other labels were not: each Arabic
    guide says that only some were checked, not that none were, and its steps show the Arabic name first."""
    strings = load_strings(site_languages()).by_language
    providers = load_dataset().providers
    for slug in ("gmail", "outlook"):
        folder = providers[slug]["labels"]["spam_folder"]
        arabic = (site / "ar" / "providers" / slug / "index.html").read_text(encoding="utf-8")
        assert strings["ar"]["labels_partly_unchecked"].split("{name}")[0] in arabic, slug
        assert strings["ar"]["labels_unchecked"].split("{name}")[0] not in arabic, slug
        assert f'<bdi lang="ar">{folder["ar"]}</bdi> (<bdi lang="en">{folder["en"]}</bdi>)' in arabic, slug


def test_a_guide_links_its_own_page_of_sources_grouped_by_kind(site):
    """The guide stays light (its sources are one link); the page of sources lists every source of
    the data file once, under the heading of its kind, strongest kind first, in each language."""
    entry = load_dataset().providers["fastweb"]
    kinds = {source["url"]: source_kind(source["url"], entry, source.get("kind")) for source in entry["sources"]}
    assert {"provider", "other"} <= set(kinds.values())      # the case needs a strong and a weak source
    for prefix, intro in (("", "The sources of this guide"), ("ar/", "مصادر هذا الدليل")):
        guide = (site / prefix / "providers" / "fastweb" / "index.html").read_text(encoding="utf-8")
        assert f'<a href="sources/">{intro} ({len(entry["sources"])})</a>' in guide
        only_sources = [url for url in kinds if url not in repr({k: v for k, v in entry.items() if k != "sources"})]
        assert only_sources and not [url for url in only_sources if f'href="{url}"' in guide]
        page = site / prefix / "providers" / "fastweb" / "sources" / "index.html"
        html = page.read_text(encoding="utf-8")
        headings = [kind for kind in SOURCE_KINDS if f'<h2 id="{kind}">' in html]
        assert headings == [kind for kind in SOURCE_KINDS if kind in kinds.values()]
        links = re.findall(r'<li><a href="([^"]+)"', html)
        assert sorted(links) == sorted(kinds)
        # Each link sits under its own kind's heading.
        for url, kind in kinds.items():
            before = html[:html.index(f'href="{url}"')]
            assert before.rindex("<h2 id=") == before.rindex(f'<h2 id="{kind}">')
        assert '<a href="../">' in html
