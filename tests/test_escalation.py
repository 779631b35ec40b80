"""Where to escalate: data/escalation/ is checked like the providers, shown as #escalate on the
guides of internet providers of each country it covers (only members, where a body names them),
never on mailbox providers, listed on its own page in every language and in the API."""
from __future__ import annotations

import json
import shutil

import pytest
import yaml
from sitetools import ROOT, parse

from delivermymail.dataset import check_dataset, load_dataset
from delivermymail.languages import site_languages

DATASET = load_dataset()
LANGUAGES = site_languages()
ESCALATION = {file.stem: yaml.safe_load(file.read_text(encoding="utf-8")) for file in (ROOT / "data" / "escalation").glob("*.yml")}


def expected_bodies(slug: str) -> list[str]:
    entry = DATASET.providers[slug]
    if entry["kind"] != "isp":
        return []
    return [body["name"]["en"] for country in entry["regions"] for body in ESCALATION.get(country, {}).get("bodies", [])
            if "members" not in body or slug in body["members"]]


def test_every_country_file_is_loaded():
    assert sorted(DATASET.escalation) == sorted(ESCALATION) and len(ESCALATION) >= 5


@pytest.mark.parametrize("slug", sorted(DATASET.providers))
def test_guides_show_the_bodies_of_their_country(site, slug):
    html = (site / "providers" / slug / "index.html").read_text(encoding="utf-8")
    bodies = expected_bodies(slug)
    assert ('id="escalate"' in html) == bool(bodies), slug
    for name in bodies:
        assert f"<h3>{name}</h3>" in html.replace("&#39;", "'"), (slug, name)
    arabic = (site / "ar" / "providers" / slug / "index.html").read_text(encoding="utf-8")
    assert ('id="escalate"' in arabic) == bool(bodies), slug


def test_a_body_with_members_shows_on_its_members_only(site):
    bt = (site / "providers" / "bt" / "index.html").read_text(encoding="utf-8")
    sky = (site / "providers" / "sky" / "index.html").read_text(encoding="utf-8")
    assert "Communications Ombudsman</h3>" in bt and "CISAS" not in bt
    assert "CISAS" in sky and "Communications Ombudsman</h3>" not in sky


@pytest.mark.parametrize("language", LANGUAGES, ids=lambda language: language.code)
def test_the_escalation_page_lists_every_country(site, language):
    page = parse(site / language.url_prefix / "providers" / "escalation" / "index.html")
    assert {f"country-{code.lower()}" for code in ESCALATION} <= page.ids
    api = json.loads((site / "api" / "v1" / "escalation.json").read_text(encoding="utf-8"))
    assert sorted(api["countries"]) == sorted(ESCALATION)


def broken_folder(tmp_path, country: str, change) -> list:
    (tmp_path / "providers").mkdir()
    for slug in ("bt", "orange-fr"):
        shutil.copy2(ROOT / "data" / "providers" / f"{slug}.yml", tmp_path / "providers" / f"{slug}.yml")
    (tmp_path / "escalation").mkdir()
    data = yaml.safe_load((ROOT / "data" / "escalation" / f"{country}.yml").read_text(encoding="utf-8"))
    result = change(data)
    name = result or f"{country}.yml"     # a change returns a new file name, or None
    (tmp_path / "escalation" / name).write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return check_dataset(tmp_path / "providers")[1]


@pytest.mark.parametrize("country, change, field, reason", [
    ("FR", lambda data: "DE.yml", "country", "must equal the file name"),
    ("FR", lambda data: data["bodies"][0].update(members=["bt"]), "bodies.0.members.0", "is not an entry of FR"),
    ("GB", lambda data: data["bodies"][0]["channels"][1].update(url="https://ofcom.org.uk@evil.example/"),
     "bodies.0.channels.1.url", "user name"),
    ("GB", lambda data: data["bodies"][0].pop("channels") and None, "bodies.0", "'channels' is required"),
    ("GB", lambda data: data["bodies"][0]["when"].pop("ar") and None, "bodies.0.when", "missing the 'ar' text"),
    ("US", lambda data: data["bodies"][0]["name"].update(en="FCC\u202e"), "bodies.0.name.en", "U+202E"),
])
def test_broken_escalation_files_are_refused_with_file_and_field(tmp_path, country, change, field, reason):
    problems = broken_folder(tmp_path, country, change)
    assert any(problem.file.endswith(".yml") and problem.path == field and reason in problem.message for problem in problems), \
        "\n".join(map(str, problems))
