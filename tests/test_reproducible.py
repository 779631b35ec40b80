"""Two builds of the same commit are byte-identical: dates come from the data and SOURCE_DATE_EPOCH."""
from __future__ import annotations

from sitetools import ROOT, TEST_SITE_URL, copy_project, mkdocs_build

EPOCH = "1800000000"   # 2027-01-15, after every date in the data


def build_copy(folder):
    project = copy_project(folder / "project", sorted((ROOT / "data" / "providers").glob("*.yml")))
    site = folder / "site"
    result = mkdocs_build(project, site, TEST_SITE_URL, SOURCE_DATE_EPOCH=EPOCH)
    assert result.returncode == 0, result.stdout + result.stderr
    return site


def test_two_builds_are_byte_identical(tmp_path):
    # Different folders, so that no absolute path can hide in the output either.
    first, second = build_copy(tmp_path / "one"), build_copy(tmp_path / "two")
    files = sorted(path.relative_to(first) for path in first.rglob("*") if path.is_file())
    assert files == sorted(path.relative_to(second) for path in second.rglob("*") if path.is_file())
    different = [str(path) for path in files if (first / path).read_bytes() != (second / path).read_bytes()]
    assert different == []
    assert len(files) > 500
