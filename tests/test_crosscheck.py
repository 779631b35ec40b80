"""`dmm crosscheck` against a small ISP database made up for the test (tests/fixtures/ispdb/), in
the real database's format: missing domains, conflicts, hosted entries, MX hosts ignored, domains
left out on purpose; offline."""
from __future__ import annotations

import subprocess
import sys

import yaml
from sitetools import FIXTURES, ROOT

from delivermymail.crosscheck import crosscheck, read_ispdb, report
from delivermymail.dataset import check_dataset

BASE = yaml.safe_load((FIXTURES / "valid-base.yml").read_text(encoding="utf-8"))


def dataset_of(tmp_path, entries: dict[str, dict]):
    folder = tmp_path / "providers"
    folder.mkdir()
    for slug, changes in entries.items():
        (folder / f"{slug}.yml").write_text(yaml.safe_dump({**BASE, "slug": slug, **changes}, allow_unicode=True), encoding="utf-8")
    dataset, problems = check_dataset(folder)
    assert problems == []
    return dataset


def test_findings(tmp_path):
    dataset = dataset_of(tmp_path, {
        "alpha": {"domains": ["alpha.example", "alpha2.example", "ours-only.example"]},
        "beta": {"domains": ["beta.example"]},
        "gamma": {"domains": ["gamma.example"], "hosted_by": "alpha"},
    })
    ispdb = read_ispdb(FIXTURES / "ispdb")
    assert [group.id for group in ispdb] == ["alpha.example", "unrelated.example"]
    assert ispdb[0].infrastructure == ["mx.alpha-infra.example"]
    findings = crosscheck(dataset, ispdb, {"left-out.example": "a reason"})
    assert findings.missing == {"alpha": [("alpha-new.example", "alpha.example.xml")]}
    assert findings.conflicts == {"beta": [("beta.example", "alpha.example.xml")]}
    assert findings.hosted == {"gamma": [("gamma.example", "alpha.example.xml")]}
    assert findings.left_out == {"alpha": [("left-out.example", "a reason")]}
    assert findings.unknown == {"alpha": ["ours-only.example"]}
    lines = report(findings, dataset)
    assert lines[0].startswith("1 missing, 1 in conflict.")
    assert not any("mx.alpha-infra.example" in line for line in lines)


def test_command_reads_only_the_given_path():
    result = subprocess.run([sys.executable, "-m", "delivermymail", "crosscheck", "--ispdb", str(FIXTURES / "ispdb")],
                            capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "in conflict" in result.stdout and "of our" in result.stdout
