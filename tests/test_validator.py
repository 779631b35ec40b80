"""The one validator rejects every broken file with its file, field and reason, and accepts good data."""
from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
import yaml
from sitetools import FIXTURES, ROOT

from delivermymail.dataset import DataError, check_dataset, load_dataset
from delivermymail.yamlfile import read_plain_yaml

INVALID = sorted((FIXTURES / "invalid").glob("*.yml"))
TODAY = dt.date(2026, 11, 26)


def expectation(fixture: Path) -> tuple[str, str]:
    first = fixture.read_text(encoding="utf-8").splitlines()[0]
    assert first.startswith("# expect: "), f"{fixture.name} must start with '# expect: <field> :: <reason>'"
    field, reason = first[len("# expect: "):].split(" :: ")
    return field.strip(), reason.strip()


def test_enough_invalid_fixtures():
    assert len(INVALID) >= 15


@pytest.mark.parametrize("fixture", INVALID, ids=[path.stem for path in INVALID])
def test_invalid_fixture_is_rejected_with_file_and_field(fixture, tmp_path):
    field, reason = expectation(fixture)
    shutil.copy2(fixture, tmp_path / fixture.name)
    # The duplicate-domain rule needs the entry whose domain is claimed.
    shutil.copy2(ROOT / "data" / "providers" / "gmail.yml", tmp_path / "gmail.yml")
    # Not before today: the real gmail.yml carries the dates it was last read.
    today = max(TODAY, dt.date.today())
    dataset, problems = check_dataset(tmp_path, today=today)
    mine = [problem for problem in problems if problem.file.endswith(fixture.name)]
    assert any((problem.path or "(file)") == field and reason in problem.message for problem in mine), \
        "\n".join(map(str, problems)) or "no problem reported"
    assert fixture.stem not in dataset.providers, "a rejected entry must not be published"
    with pytest.raises(DataError) as raised:
        load_dataset(tmp_path, today=today)
    assert fixture.name in str(raised.value)


def test_problems_carry_line_numbers(tmp_path):
    shutil.copy2(FIXTURES / "invalid" / "http-url.yml", tmp_path / "http-url.yml")
    _, problems = check_dataset(tmp_path, today=TODAY)
    website_line = next(number for number, line in enumerate(
        (tmp_path / "http-url.yml").read_text().splitlines(), 1) if line.startswith("website:"))
    assert [problem.line for problem in problems if problem.path == "website"] == [website_line]
    assert f"http-url.yml:{website_line}: website: " in str(problems[0])


def test_every_problem_is_reported_at_once(tmp_path):
    for name in ("http-url", "unknown-kind", "missing-arabic"):
        shutil.copy2(FIXTURES / "invalid" / f"{name}.yml", tmp_path / f"{name}.yml")
    _, problems = check_dataset(tmp_path, today=TODAY)
    assert {Path(problem.file).stem for problem in problems} == {"http-url", "unknown-kind", "missing-arabic"}


def test_valid_base_fixture_passes(tmp_path):
    shutil.copy2(FIXTURES / "valid-base.yml", tmp_path / "valid-base.yml")
    dataset, problems = check_dataset(tmp_path, today=TODAY)
    assert problems == []
    assert list(dataset.providers) == ["valid-base"]


def test_stale_entry_warns_but_passes(tmp_path):
    shutil.copy2(FIXTURES / "valid-base.yml", tmp_path / "valid-base.yml")
    dataset, problems = check_dataset(tmp_path, today=dt.date(2027, 6, 1))
    assert problems == []
    assert [warning.path for warning in dataset.warnings] == ["last_verified"]


def test_real_dataset_is_valid():
    dataset, problems = check_dataset()
    assert problems == [], "\n".join(map(str, problems))
    first_twelve = {"gmail", "outlook", "yahoo", "aol", "icloud", "proton", "zoho", "gmx", "web-de",
                    "mail-ru", "yandex", "orange-fr"}
    assert first_twelve <= set(dataset.providers)


def test_check_command_fails_on_broken_data(tmp_path, capsys):
    from delivermymail import cli as dmm

    shutil.copy2(FIXTURES / "invalid" / "javascript-url.yml", tmp_path / "javascript-url.yml")
    assert dmm.main(["check", "--providers", str(tmp_path)]) == 1
    output = capsys.readouterr().out
    assert "javascript-url.yml" in output and "complaint.0.url" in output


def test_check_command_passes_on_good_data(tmp_path, capsys):
    from delivermymail import cli as dmm

    shutil.copy2(FIXTURES / "valid-base.yml", tmp_path / "valid-base.yml")
    assert dmm.main(["check", "--providers", str(tmp_path)]) == 0
    assert "OK: 1 providers" in capsys.readouterr().out


def _yaml_files() -> list[Path]:
    """Every fixture and data file that is YAML at all (the schema is never asked about the rest)."""
    from delivermymail.yamlfile import YamlError, read_yaml

    files = INVALID + sorted((ROOT / "data" / "providers").glob("*.yml")) + [
        FIXTURES / "valid-base.yml", FIXTURES / "hostile" / "hostile-mail.yml"]
    readable = []
    for file in files:
        try:
            read_yaml(file)
            readable.append(file)
        except YamlError:
            pass
    return readable


@pytest.mark.parametrize("file", _yaml_files(), ids=lambda path: path.stem)
def test_fast_schema_check_agrees_with_jsonschema(file):
    """The compiled fast path may only say 'valid' where jsonschema finds no error."""
    from delivermymail.dataset import _fast_schema_check, _schema_validator
    from delivermymail.languages import site_languages
    from delivermymail.yamlfile import read_plain_yaml, read_yaml

    entry = read_yaml(file).data
    lists = (tuple(language.code for language in site_languages()), tuple(sorted(read_plain_yaml(ROOT / "data" / "kinds.yml"))))
    try:
        _fast_schema_check(*lists)(entry)
        fast_valid = True
    except Exception:
        fast_valid = False
    assert fast_valid == (not list(_schema_validator(*lists).iter_errors(entry)))


def test_english_interface_labels_are_written_in_latin_script():
    """`en` is the English interface only: a Japanese, Chinese, Arabic or Russian label under `en`
    was filed under the wrong language (it belongs under ja, zh, ar, ru)."""
    import unicodedata

    dataset = load_dataset()
    misfiled = [(slug, key, text) for slug, entry in dataset.providers.items()
                for key, values in entry.get("labels", {}).items() for code, text in values.items()
                if code == "en" and any(char.isalpha() and not unicodedata.name(char, "").startswith("LATIN") for char in text)]
    assert misfiled == []
    copies = [(slug, key) for slug, entry in dataset.providers.items() for key, values in entry.get("labels", {}).items()
              if "en" in values and any(code != "en" and text == values["en"] for code, text in values.items())]
    assert copies == [], "a label copied under en from the interface it was read in"


def _with_sources(tmp_path, edit) -> list:
    """valid-base with its label backed by one source that `edit` shapes; the warnings check gives."""
    entry = read_plain_yaml(FIXTURES / "valid-base.yml")
    entry["sources"][0]["supports"] = "labels.spam_folder, complaint"
    edit(entry)
    (tmp_path / "valid-base.yml").write_text(yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    dataset, problems = check_dataset(tmp_path, today=TODAY)
    assert problems == []
    return sorted(warning.path for warning in dataset.warnings)


def test_facts_resting_only_on_a_weak_source_are_warned(tmp_path):
    def third_party(entry):
        entry["sources"][0]["url"] = entry["complaint"][0]["source"] = "https://howto-mail.example/gmail"
    assert _with_sources(tmp_path, third_party) == ["complaint.0.source", "labels.spam_folder.en"]


def test_a_source_on_the_providers_own_site_or_a_declared_kind_is_not_weak(tmp_path):
    assert _with_sources(tmp_path, lambda entry: None) == []   # help.fixture.example: under the website

    def declared(entry):
        entry["sources"][0]["url"] = entry["complaint"][0]["source"] = "https://it.university.example/mail"
        entry["sources"][0]["kind"] = "institution"
    assert _with_sources(tmp_path, declared) == []


def test_a_second_source_of_a_better_kind_lifts_the_warning(tmp_path):
    def two(entry):
        entry["sources"][0]["url"] = entry["complaint"][0]["source"] = "https://howto-mail.example/gmail"
        entry["sources"].append({"url": "https://github.com/thunderbird/autoconfig/blob/0/ispdb/x.xml",
                                 "checked": "2026-01-15", "supports": "labels.spam_folder.en"})
    assert _with_sources(tmp_path, two) == ["complaint.0.source"]
