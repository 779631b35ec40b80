"""Property-based: whatever a provider file holds, `check` never crashes. It either accepts the
file or reports problems that name the file and the field; and whatever it accepts, the
generator turns into pages, API files and badges, and a strict MkDocs build publishes.

Runs a fixed, derandomised set of examples by default (fast, the same in CI every time);
HYPOTHESIS_PROFILE=explore runs thousands of fresh ones."""
from __future__ import annotations

import copy
import json
import os
import random
import shutil
import tempfile
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sitetools import FIXTURES, ROOT, build, copy_project

from delivermymail.dataset import check_dataset, walk_fields
from delivermymail.generate import render_all
from delivermymail.strings import load_strings

settings.register_profile("ci", max_examples=150, deadline=None, derandomize=True, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.register_profile("explore", max_examples=5000, deadline=None, database=None,
                          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

BASE = yaml.safe_load((FIXTURES / "valid-base.yml").read_text(encoding="utf-8"))
BASE_PATHS = [path for path, _ in walk_fields(BASE) if path]
FIELD_NAMES = sorted(json.loads((ROOT / "data" / "schema" / "provider.schema.json").read_text())["properties"])
ODD_STRINGS = [
    "https://help.fixture.example/", "https://a@evil.example/", "https://127.0.0.1/", "en", "ar", "xx", "2026-01-15",
    "2026-02-30", "9999-12-31", "\u202e", "\u200b", "\x00", "\n", "a" * 3000, "[[spam_folder]]", "[[", "]]",
    "<script>alert(1)</script>", "gmail.com", "fixture-mail.example", "001", "EG", "mailbox-provider", "valid-base",
    "{{ config }}", "{% raw %}", "&amp;", "\\", "| a | b |", "مزوّد", "\ud7ff", "\U0001f642", " ", "",
]
scalars = st.one_of(st.none(), st.booleans(), st.integers(), st.floats(), st.text(max_size=40),
                    st.sampled_from(ODD_STRINGS))
values = st.recursive(scalars, lambda children: st.one_of(
    st.lists(children, max_size=4),
    st.dictionaries(st.one_of(st.sampled_from(FIELD_NAMES + ["en", "ar", "url", "title"]), st.text(max_size=8)),
                    children, max_size=4)), max_leaves=12)
ACCEPTED: list[dict] = []       # what the checker accepted, built by test_accepted_documents_build



def set_at(document, path, value):
    target = document
    for part in path[:-1]:
        target = target[part]
    target[path[-1]] = value


@st.composite
def documents(draw):
    """The valid base entry with a few of its values replaced, keys added or keys removed."""
    document = copy.deepcopy(BASE)
    for _ in range(draw(st.integers(1, 3))):
        paths = [path for path, _ in walk_fields(document) if path]
        path = draw(st.sampled_from(paths))
        action = draw(st.sampled_from(["retext", "retext", "retext", "replace", "add", "remove"]))
        try:
            if action == "retext":     # another string where a string was: often still valid
                path = draw(st.sampled_from([path for path, value in walk_fields(document) if isinstance(value, str)]))
                set_at(document, path, draw(st.one_of(st.text(min_size=1, max_size=60), st.sampled_from(ODD_STRINGS))))
            elif action == "replace":
                set_at(document, path, draw(values))
            elif action == "add":
                set_at(document, (draw(st.sampled_from(FIELD_NAMES + ["zz"])),), draw(values))
            else:
                parent = document
                for part in path[:-1]:
                    parent = parent[part]
                del parent[path[-1]]
        except (KeyError, IndexError, TypeError):
            pass     # the path vanished with an earlier change
    return document


def assert_checked_cleanly(folder: Path, name: str):
    dataset, problems = check_dataset(folder)
    for problem in problems:
        assert problem.file.endswith(name), problem
        assert isinstance(problem.path, str) and problem.message, problem
        assert len(str(problem)) < 1200, "a problem must stay readable, whatever the value"
    return dataset, problems


@given(document=documents())
def test_random_documents_never_crash_the_checker(tmp_path_factory, document):
    folder = tmp_path_factory.mktemp("providers")
    (folder / "valid-base.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    dataset, problems = assert_checked_cleanly(folder, "valid-base.yml")
    if not problems:
        files = render_all(dataset, load_strings(dataset.languages))
        for path, content in files.items():
            if path.suffix == ".svg":
                ElementTree.fromstring(content)          # a control character would break it
            if path.suffix == ".json":
                json.loads(content)
        if len(ACCEPTED) < 40:
            ACCEPTED.append(document)


@given(text=st.one_of(st.text(max_size=400), st.sampled_from([
    "a: &x [1]\nb: *x\n", "? [a]\n: b\n", "!!python/object:os.system x", "- - - -", "{", "key: !!binary aGk=",
    "slug: x\nslug: y\n", "\ufeffslug: valid-base\n", "%YAML 1.1\n---\nslug: valid-base\n", "---\n---\n"])))
def test_random_text_never_crashes_the_reader(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("providers")
    (folder / "valid-base.yml").write_text(text, encoding="utf-8", errors="surrogatepass")
    assert_checked_cleanly(folder, "valid-base.yml")


def accepted_variants(count: int) -> list[dict]:
    """Valid documents made the way the random test makes them (strings replaced by odd ones),
    from a fixed seed, for when that test ran on another worker."""
    generator = random.Random(20261127)
    variants = []
    while len(variants) < count:
        document = copy.deepcopy(BASE)
        for path in generator.sample([path for path, value in walk_fields(document) if isinstance(value, str)], 3):
            set_at(document, path, generator.choice(ODD_STRINGS) or "x")
        folder = Path(tempfile.mkdtemp())
        (folder / "valid-base.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
        if not check_dataset(folder)[1]:
            variants.append(document)
        shutil.rmtree(folder)
    return variants


def test_accepted_documents_build(tmp_path):
    """Every document the checker accepted, renamed so they can live side by side, built with
    `mkdocs build --strict` as one site."""
    accepted = ACCEPTED or accepted_variants(12)
    providers = tmp_path / "accepted"
    providers.mkdir()
    for index, document in enumerate(accepted):
        document = copy.deepcopy(document)
        document["slug"], document["domains"] = f"fuzz-{index}", [f"fuzz-{index}.example"]
        document.pop("hosted_by", None)
        (providers / f"fuzz-{index}.yml").write_text(yaml.safe_dump(document, allow_unicode=True), encoding="utf-8")
    # Gmail too: the hand-written pages link its guide and API file.
    project = copy_project(tmp_path / "project", [ROOT / "data" / "providers" / "gmail.yml",
                                                  *sorted(providers.glob("*.yml"))])
    result = build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    assert len(list((tmp_path / "site" / "providers").glob("fuzz-*/index.html"))) == len(accepted) >= 10
    shutil.rmtree(tmp_path / "site")
