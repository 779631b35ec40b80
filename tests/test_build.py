"""The built site as a reader and a search engine receive it, in every language."""
from __future__ import annotations

import json
import re

import pytest
from sitetools import ROOT, TEST_SITE_URL, page_url, pages, parse, resolve

from delivermymail.dataset import load_dataset
from delivermymail.languages import site_languages

LANGUAGES = site_languages()
DATASET = load_dataset()
def language_of(url: str):
    """The site language a built page belongs to, by its address ('ar/...' is Arabic)."""
    return next(language for language in reversed(LANGUAGES) if url.startswith(language.url_prefix))


HAND_WRITTEN = sorted(path.stem for path in (ROOT / "docs").glob("*.md") if "." not in path.stem)


def expected_pages() -> set[str]:
    expected = set()
    for language in LANGUAGES:
        prefix = language.url_prefix
        for stem in HAND_WRITTEN:
            expected.add(prefix if stem == "index" else f"{prefix}{stem}/")
        expected |= {f"{prefix}providers/", f"{prefix}providers/regions/", f"{prefix}providers/needs-checking/",
                     f"{prefix}providers/for-senders/", f"{prefix}providers/escalation/"}
        expected |= {f"{prefix}providers/{slug}/" for slug in DATASET.providers}
        expected |= {f"{prefix}providers/{slug}/sources/" for slug in DATASET.providers}
    return expected


def test_exact_set_of_pages_per_language(site):
    built = {page_url(site, file) for file in pages(site)} - {"404.html"}
    assert built == expected_pages()


def test_build_is_strict_and_silent(site):
    log = (site / ".build-log").read_text(encoding="utf-8")
    # The one expected warning: the test site is built for a local address (test_kit.py checks what it does).
    log = "\n".join(line for line in log.splitlines() if not line.startswith("WARNING: built without a public address"))
    assert "WARNING" not in log and "ERROR" not in log, log


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_lang_and_dir_on_every_page(site, language):
    checked = 0
    for file in pages(site):
        url = page_url(site, file)
        if url == "404.html":
            continue
        owner = language_of(url)
        if owner != language:
            continue
        attributes = parse(file).html_attrs
        assert attributes.get("lang") == language.code, url
        assert attributes.get("dir") == language.direction, url
        checked += 1
    assert checked >= len(DATASET.providers) + len(HAND_WRITTEN)


def test_hreflang_pairs_are_absolute_and_complete(site):
    codes = {language.code for language in LANGUAGES}
    for file in pages(site):
        url = page_url(site, file)
        if url == "404.html":
            continue
        alternates = parse(file).alternates
        assert set(alternates) == codes | {"x-default"}, url
        assert all(href.startswith(TEST_SITE_URL) for href in alternates.values()), alternates
        assert alternates["x-default"] == alternates[LANGUAGES[0].code]
        assert TEST_SITE_URL + url in alternates.values(), f"{url} is not among its own alternates"
        for code, href in alternates.items():
            twin = site / href[len(TEST_SITE_URL):] / "index.html" if href.endswith("/") else None
            assert twin and twin.exists(), f"{url}: {code} alternate {href} does not exist"
            assert parse(twin).alternates == alternates, f"{url} and {href} disagree about their alternates"


def test_every_internal_link_and_anchor_resolves(site):
    broken = []
    for file in pages(site):
        for href in parse(file).links:
            if href.startswith(("mailto:", "javascript:")):
                continue
            target, fragment = resolve(site, file, href)
            if target is None:
                continue
            if not target.exists():
                broken.append(f"{page_url(site, file)} -> {href} (no such page)")
            elif fragment and target.suffix == ".html" and fragment not in parse(target).ids:
                broken.append(f"{page_url(site, file)} -> {href} (no such anchor)")
    assert broken == []


@pytest.mark.parametrize("slug", sorted(DATASET.providers))
def test_provider_guides_share_ascii_section_ids(site, slug):
    ids_per_language = []
    for language in LANGUAGES:
        file = site / language.url_prefix / "providers" / slug / "index.html"
        ids_per_language.append({i for i in parse(file).ids if i in {"find", "not-spam", "allow", "complain",
                                                                      "letter", "senders", "labels", "sources"}})
    assert ids_per_language[0] >= {"find", "not-spam", "allow", "complain", "letter", "senders", "sources"}
    assert all(ids == ids_per_language[0] for ids in ids_per_language)


def test_guides_show_last_verified_in_the_readers_language(site):
    english = (site / "providers" / "gmail" / "index.html").read_text(encoding="utf-8")
    arabic = (site / "ar" / "providers" / "gmail" / "index.html").read_text(encoding="utf-8")
    date = DATASET.providers["gmail"]["last_verified"]
    year = date[:4]
    assert re.search(rf"Last verified: \w+ \d+, {year}", english)
    assert re.search(rf"آخر تحقق: \d+ [\u0600-\u06FF]+ {year}", arabic)


ARABIC_LETTER = re.compile("[\u0621-\u064a]")


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_theme_speaks_the_pages_language(site, language):
    """The words the theme puts around the article: its buttons' names, which screen readers read
    aloud (the colour switch, search, the menu), and the footer. On an Arabic page each has Arabic
    words; on an English page none has. (The 404 page speaks every language: test_browser.py.)"""
    checked = 0
    for file in pages(site):
        url = page_url(site, file)
        owner = language_of(url)
        if url == "404.html" or owner != language:
            continue
        page = parse(file)
        assert page.footer_text, url
        for words in page.theme_labels + [" ".join(page.footer_text)]:
            has_arabic = bool(ARABIC_LETTER.search(words))
            assert has_arabic == (language.code == "ar"), f"{url}: {words!r}"
        checked += 1
    assert checked >= len(DATASET.providers)


def test_no_page_or_stylesheet_references_another_origin(site):
    offending = []
    for file in pages(site):
        for tag, url in parse(file).resources:
            if re.match(r"^(https?:)?//", url):
                offending.append(f"{page_url(site, file)}: <{tag}> {url}")
        for script in parse(file).scripts:
            offending += [f"{page_url(site, file)}: script {m}" for m in re.findall(r"https?://[^\s\"')]+", script)
                          if not m.startswith(TEST_SITE_URL)]
    for stylesheet in site.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?([^'\")]+)", stylesheet.read_text(encoding="utf-8")):
            if re.match(r"^(https?:)?//", url):
                offending.append(f"{stylesheet.relative_to(site)}: {url}")
    assert offending == []


def test_regions_index_uses_cldr_names(site):
    arabic = (site / "ar" / "providers" / "regions" / "index.html").read_text(encoding="utf-8")
    english = (site / "providers" / "regions" / "index.html").read_text(encoding="utf-8")
    assert re.search(r'id="region-001"[^>]*>World\b', english)
    assert "العالم" in arabic
    if any("DE" in entry["regions"] for entry in DATASET.providers.values()):
        assert "ألمانيا" in arabic and "Germany" in english


def test_json_api(site):
    index = json.loads((site / "api" / "v1" / "providers.json").read_text(encoding="utf-8"))
    assert index["schema_version"] == 1
    assert index["languages"] == [language.code for language in LANGUAGES]
    assert [entry["slug"] for entry in index["providers"]] == sorted(DATASET.providers)
    assert index["domains"] == DATASET.domain_owner
    for entry in index["providers"]:
        single = json.loads((site / "api" / "v1" / "providers" / f"{entry['slug']}.json").read_text())
        assert single["provider"] == entry
        assert entry["guide"]["ar"] == f"{TEST_SITE_URL}ar/providers/{entry['slug']}/"


def test_sitemap_lists_both_languages(site):
    sitemap = (site / "sitemap.xml").read_text(encoding="utf-8")
    assert f"<loc>{TEST_SITE_URL}providers/gmail/</loc>" in sitemap
    assert f"{TEST_SITE_URL}ar/providers/gmail/" in sitemap


def test_404_helps_in_every_language(site):
    parser = parse(site / "404.html")
    sections = [attributes for tag, attributes in parser.elements if tag == "section" and "lang" in attributes]
    assert [(s["lang"], s["dir"]) for s in sections] == [
        (language.code, language.direction) for language in LANGUAGES]
    for language in LANGUAGES:
        assert f"/dmm/{language.url_prefix}providers/" in parser.links
    html = (site / "404.html").read_text(encoding="utf-8")
    assert "الصفحة غير موجودة" in html and "Page not found" in html


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_guides_link_the_services_readers_confuse_them_with(site, language):
    for slug, entry in load_dataset().providers.items():
        html = (site / language.url_prefix / "providers" / slug / "index.html").read_text(encoding="utf-8")
        for other in entry.get("see_also", []):
            assert f'href="../{other}/"' in html, (slug, other)
    yahoo = (site / language.url_prefix / "providers" / "yahoo" / "index.html").read_text(encoding="utf-8")
    assert 'href="../yahoo-japan/"' in yahoo


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_long_domain_lists_fold_after_the_first_few(site, language):
    from delivermymail.views import DOMAINS_SHOWN

    outlook = load_dataset().providers["outlook"]["domains"]
    assert len(outlook) > DOMAINS_SHOWN
    html = (site / language.url_prefix / "providers" / "outlook" / "index.html").read_text(encoding="utf-8")
    facts, folded = html.split('<details class="dmm-more-domains">', 1)
    folded = folded.split("</details>", 1)[0]
    assert all(f"<code>{domain}</code>" in facts for domain in outlook[:DOMAINS_SHOWN])
    assert all(f"<code>{domain}</code>" in folded for domain in outlook[DOMAINS_SHOWN:])
    assert str(len(outlook) - DOMAINS_SHOWN) in folded.split("</summary>", 1)[0]
