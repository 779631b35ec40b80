"""Where things live. Every other module takes paths from here.

The project (data, docs, mkdocs.yml) is found once: the folder named by DMM_PROJECT_ROOT, or the
nearest folder at or above the working directory that holds mkdocs.yml and data/providers/. So an
installed `dmm`, the MkDocs hooks and a copy of the project made by the tests all work on the
project they are run in. The package's own files (templates, badge fonts) live beside this module.
"""
from __future__ import annotations

import os
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent
TEMPLATES = PACKAGE / "templates"
BADGE_FONTS = PACKAGE / "fonts"


def find_root(start: Path | None = None) -> Path:
    if os.environ.get("DMM_PROJECT_ROOT"):
        return Path(os.environ["DMM_PROJECT_ROOT"]).resolve()
    here = (start or Path.cwd()).resolve()
    for folder in (here, *here.parents):
        if (folder / "mkdocs.yml").is_file() and (folder / "data" / "providers").is_dir():
            return folder
    # Not inside a project: the checkout this package was installed from (editable install).
    return PACKAGE.parents[1]


ROOT = find_root()
DATA = ROOT / "data"
PROVIDERS = DATA / "providers"
SCHEMA = DATA / "schema" / "provider.schema.json"
ESCALATION = DATA / "escalation"
ESCALATION_SCHEMA = DATA / "schema" / "escalation.schema.json"
HEADERS = DATA / "headers"
HEADERS_SCHEMA = DATA / "schema" / "headers.schema.json"
KINDS = DATA / "kinds.yml"
STRINGS = DATA / "strings"
DOCS = ROOT / "docs"
MKDOCS_YML = ROOT / "mkdocs.yml"
