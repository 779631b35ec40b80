"""Hostile input, as an attacker would try it: every attack of tests/fixtures/ fails cleanly.
See tests/fixtures/README.md for what each fixture attacks."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from sitetools import FIXTURES, ROOT, copy_project

from delivermymail import links
from delivermymail.dataset import check_dataset
from delivermymail.lookup import lookup
from delivermymail.textrules import TEXT_MARKS, trim
from delivermymail.urls import url_problem

BASE = (FIXTURES / "valid-base.yml").read_text(encoding="utf-8")


def base_entry(slug: str) -> dict:
    entry = yaml.safe_load(BASE)
    entry["slug"] = slug
    return entry


def check_one(tmp_path: Path, slug: str, entry: dict | None = None, text: str | None = None):
    folder = tmp_path / "providers"
    folder.mkdir(exist_ok=True)
    file = folder / f"{slug}.yml"
    file.write_text(text if text is not None else yaml.safe_dump(entry, allow_unicode=True), encoding="utf-8")
    return check_dataset(folder)


# ---- Size limits ------------------------------------------------------------------------------

def test_a_long_name_names_the_limit_and_the_message_stays_short(tmp_path):
    entry = base_entry("huge-name")
    entry["name"]["en"] = "A" * 50_000
    _, problems = check_one(tmp_path, "huge-name", entry)
    assert [str(problem).split(": ", 1)[1] for problem in problems] == [
        "name.en: is 50,000 characters long; the limit for this field is 150"]


def test_a_megabyte_name_is_refused_by_the_file_size_cap(tmp_path):
    entry = base_entry("megabyte-name")
    entry["name"]["en"] = "A" * 1_000_000
    _, problems = check_one(tmp_path, "megabyte-name", entry)
    assert [problem.message for problem in problems] == [
        "is larger than 64 KB, the limit for one provider file (no real entry comes near it)"]


def test_an_oversized_file_is_refused_before_parsing(tmp_path):
    text = BASE.replace("valid-base", "huge-file") + "#" + "x" * 70_000 + "\n"
    _, problems = check_one(tmp_path, "huge-file", text=text)
    assert len(problems) == 1 and "larger than 64 KB" in problems[0].message


def test_too_many_domains_names_the_limit(tmp_path):
    entry = base_entry("many-domains")
    entry["domains"] = [f"d{index}.example" for index in range(1000)]
    _, problems = check_one(tmp_path, "many-domains", entry)
    assert [(problem.path, problem.message) for problem in problems] == [
        ("domains", "has 1,000 items; the limit for this field is 400")]


def test_every_text_field_of_the_schema_has_a_length_limit():
    schema = json.loads((ROOT / "data" / "schema" / "provider.schema.json").read_text(encoding="utf-8"))
    unlimited = []

    def walk(node, where):
        if isinstance(node, dict):
            if node.get("type") == "string" and "maxLength" not in node and "enum" not in node:
                unlimited.append(where)
            if node.get("type") == "array" and "maxItems" not in node:
                unlimited.append(where)
            for key, value in node.items():
                walk(value, f"{where}/{key}")
        elif isinstance(node, list):
            for index, value in enumerate(node):
                walk(value, f"{where}/{index}")
    walk(schema, "")
    assert unlimited == []


# ---- Files that are not provider files ----------------------------------------------------------

def test_a_folder_named_like_a_provider_file_is_reported(tmp_path):
    folder = tmp_path / "providers"
    (folder / "x.yml").mkdir(parents=True)
    _, problems = check_dataset(folder)
    assert [(Path(problem.file).name, problem.message) for problem in problems] == [
        ("x.yml", "is a folder, not a data file")]


def test_a_symbolic_link_is_refused(tmp_path):
    folder = tmp_path / "providers"
    folder.mkdir()
    (folder / "linked.yml").symlink_to(ROOT / "data" / "providers" / "gmail.yml")
    dataset, problems = check_dataset(folder)
    assert "symbolic link" in problems[0].message and dataset.providers == {}


def test_a_pipe_is_refused_without_blocking(tmp_path):
    folder = tmp_path / "providers"
    folder.mkdir()
    os.mkfifo(folder / "pipe.yml")      # reading it would wait forever
    _, problems = check_dataset(folder)
    assert [problem.message for problem in problems] == ["is not a regular file"]


# ---- Characters -------------------------------------------------------------------------------

@pytest.mark.parametrize("mark", sorted(TEXT_MARKS))
def test_text_marks_are_allowed_in_prose_only(tmp_path, mark):
    entry = base_entry("marks")
    entry["about"]["ar"] = f"مزوّد Fixture{mark} للاختبار."
    _, problems = check_one(tmp_path, "marks", entry)
    assert problems == []
    entry["labels"]["spam_folder"]["en"] = f"Spam{mark}"
    _, problems = check_one(tmp_path, "marks", entry)
    assert [problem.path for problem in problems] == ["labels.spam_folder.en"]


def test_check_command_exits_1_with_file_and_field_for_each_hostile_fixture(tmp_path):
    """The command a contributor runs, on every invalid fixture at once."""
    folder = tmp_path / "providers"
    shutil.copytree(FIXTURES / "invalid", folder)
    shutil.copy2(ROOT / "data" / "providers" / "gmail.yml", folder / "gmail.yml")
    result = subprocess.run([sys.executable, "-m", "delivermymail", "check", "--providers", str(folder)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    for fixture in (FIXTURES / "invalid").glob("*.yml"):
        assert f"{fixture.name}:" in result.stdout, fixture.name
    assert "Traceback" not in result.stdout + result.stderr


# ---- URLs and the link check ------------------------------------------------------------------

@pytest.mark.parametrize("url", [
    "https://support.google.com@evil.example/", "https://user:pass@evil.example/", "https://evil.example\\@good.example/",
    "https://gооgle.com/", "https://good.example/\u202e", "https://127.0.0.1/", "https://[::1]/", "https://0x7f000001/",
    "https://localhost/", "https://a.localhost/", "https://good.example:8443/", "https://good.example:0/",
    "https://good.example:abc/", "https://good.example/\x00", "http://good.example/", "https://GOOD..example/",
])
def test_deceptive_urls_are_refused(url):
    assert url_problem(url) is not None


@pytest.mark.parametrize("url", ["https://support.google.com/mail/answer/81126?hl=en#zippy=%2Cstep",
                                 "https://good.example:443/", "https://xn--mgbh0fb.xn--wgbh1c/"])
def test_ordinary_urls_pass(url):
    assert url_problem(url) is None


def fake_resolver(address):
    return lambda host, port, **kwargs: [(2, 1, 6, "", (address, port))]


@pytest.mark.parametrize("address", ["127.0.0.1", "10.0.0.8", "169.254.169.254", "192.168.1.1", "::1", "fd00::1"])
def test_link_check_never_requests_a_private_address(monkeypatch, address):
    opened = []

    class Opener:
        def open(self, request, timeout):
            opened.append(request.full_url)

    monkeypatch.setattr(links.socket, "getaddrinfo", fake_resolver(address))
    problem = links.check("https://innocent.example/page", opener=Opener())
    assert opened == [] and "non-public address" in problem


def test_link_check_refuses_a_redirect_to_a_private_address(monkeypatch):
    monkeypatch.setattr(links.socket, "getaddrinfo", fake_resolver("127.0.0.1"))
    handler = links._PublicRedirects()
    with pytest.raises(links.RefusedAddress):
        handler.redirect_request(None, None, 302, "Found", {}, "https://internal.example/admin")
    with pytest.raises(links.RefusedAddress):
        handler.redirect_request(None, None, 302, "Found", {}, "http://public.example/")


# ---- The address typed or pasted by a reader ---------------------------------------------------

@pytest.mark.parametrize("raw", ["\u202emoc.lapyap@troppus.ai", "some\u200bone@gmail.com", "someone@gmail.com\x85",
                                 "\x1csomeone@gmail.com", "someone@gm\u00adail.com"])
def test_invisible_characters_make_no_address(raw):
    assert lookup(raw, {"gmail.com": "gmail"})["domain"] is None


@pytest.mark.parametrize("raw", ["\ufeffsomeone@gmail.com", "someone@gmail.com\n", "\u00a0someone@gmail.com\u3000",
                                 "\tsomeone@gmail.com\u2028"])
def test_the_trimmed_whitespace_is_one_explicit_set(raw):
    assert trim(raw) == "someone@gmail.com"
    assert lookup(raw, {"gmail.com": "gmail"})["provider"] == "gmail"


# ---- A failed build keeps the last good site ---------------------------------------------------

def test_a_failed_build_leaves_the_last_good_site(tmp_path):
    project = copy_project(tmp_path / "project", [ROOT / "data" / "providers" / "gmail.yml"])
    site = project / "site"
    site.mkdir()
    (site / "index.html").write_text("last good build", encoding="utf-8")
    faq = project / "docs" / "faq.md"
    faq.write_text(faq.read_text(encoding="utf-8") + "\n[broken](no-such-page.md)\n", encoding="utf-8")
    dmm = [sys.executable, "-m", "delivermymail", "build"]
    failed = subprocess.run(dmm, cwd=project, capture_output=True, text=True, env={**os.environ, "SITE_URL": ""})
    assert failed.returncode != 0
    assert (site / "index.html").read_text(encoding="utf-8") == "last good build"
    assert sorted(path.name for path in project.iterdir() if path.name.startswith(".site")) == []
    faq.write_text(faq.read_text(encoding="utf-8").replace("[broken](no-such-page.md)", ""), encoding="utf-8")
    built = subprocess.run(dmm, cwd=project, capture_output=True, text=True, env={**os.environ, "SITE_URL": ""})
    assert built.returncode == 0, built.stderr
    assert "Deliver My Mail" in (site / "index.html").read_text(encoding="utf-8")
    assert (site / "ar" / "index.html").exists()


# ---- CI ---------------------------------------------------------------------------------------

def test_every_workflow_job_has_a_time_limit_and_pinned_images():
    for workflow in (ROOT / ".github" / "workflows").glob("*.yml"):
        jobs = yaml.safe_load(workflow.read_text(encoding="utf-8"))["jobs"]
        for name, job in jobs.items():
            assert isinstance(job.get("timeout-minutes"), int), f"{workflow.name}: {name}"
            image = job.get("container")
            if image:
                image = image if isinstance(image, str) else image["image"]
                assert "@sha256:" in image and len(image.split("@sha256:")[1]) == 64, f"{workflow.name}: {name}"
            for step in job.get("steps", []):
                if "uses" in step:
                    reference = step["uses"].split("@")[1]
                    assert len(reference) == 40, f"{workflow.name}: {name}: {step['uses']} is not pinned to a commit"
