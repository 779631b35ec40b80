"""Copies of the project for builds that must not touch the working tree (tests, benchmark)."""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from . import paths


def copy_project(target: Path, providers: list[Path]) -> Path:
    """A copy of the project whose dataset is exactly `providers`, without generated output."""
    target.mkdir(parents=True, exist_ok=True)
    skip = shutil.ignore_patterns("__pycache__")
    shutil.copy2(paths.MKDOCS_YML, target / "mkdocs.yml")
    for folder in ("overrides", "scripts"):
        shutil.copytree(paths.ROOT / folder, target / folder, ignore=skip)
    shutil.copytree(paths.DOCS, target / "docs", ignore=shutil.ignore_patterns("__pycache__", "providers", "v1",
                                                                               "generated", "badges"))
    shutil.copytree(paths.DATA, target / "data", ignore=shutil.ignore_patterns("providers"))
    (target / "data" / "providers").mkdir()
    for file in providers:
        shutil.copy2(file, target / "data" / "providers" / file.name)
    return target


def mkdocs_build(project: Path, site_dir: Path, site_url: str, config_file: str = "mkdocs.yml",
                 **env) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of a project copy, as the README runs it."""
    environment = {**os.environ, "SITE_URL": site_url, "NO_MKDOCS_2_WARNING": "1", **env}
    return subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "-f", str(project / config_file),
                           "-d", str(site_dir)], cwd=project, env=environment, capture_output=True, text=True)
