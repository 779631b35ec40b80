"""Where things live. Every other module takes paths from here."""
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
PROVIDERS = DATA / "providers"
SCHEMA = DATA / "schema" / "provider.schema.json"
KINDS = DATA / "kinds.yml"
STRINGS = DATA / "strings"
DOCS = ROOT / "docs"
TEMPLATES = Path(__file__).resolve().parents[1] / "templates"
MKDOCS_YML = ROOT / "mkdocs.yml"

