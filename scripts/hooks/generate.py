"""MkDocs hook: check the dataset and generate the provider pages, indexes, API, badges and browser
data before every build, so plain `mkdocs build` and `mkdocs serve` work from a fresh clone.

static-i18n runs the build once per language: generation runs on the first pass and is skipped
on later passes whose inputs are identical (it writes only changed files in any case).
"""
import hashlib
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

from delivermymail.dataset import DataError, load_dataset
from delivermymail.generate import generate_site
from delivermymail.languages import site_languages
from delivermymail.search import guide_search_entries, remember_guide_entries
from delivermymail.strings import MissingTranslation
from delivermymail.urls import public_site_url

_last_inputs = None


def _inputs_fingerprint(config) -> str:
    """What generation depends on: the data (not the research notes), the templates and generator
    code, and two settings."""
    digest = hashlib.sha256(f"{config.get('site_url')}|{config['extra'].get('repository')}".encode())
    root = Path(config["config_file_path"]).parent
    for folder in (root / "data", root / "scripts"):
        for file in sorted(folder.rglob("*")):
            # data/leads/ is research notes: nothing is generated from it.
            if file.is_file() and "__pycache__" not in file.parts and "leads" not in file.relative_to(root).parts[:2]:
                digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def on_pre_build(config, **kwargs):
    global _last_inputs
    fingerprint = _inputs_fingerprint(config)
    if fingerprint == _last_inputs:
        return
    root = Path(config["config_file_path"]).parent
    try:
        dataset = load_dataset(root / "data" / "providers", site_languages(root / "mkdocs.yml"))
        generate_site(docs_dir=Path(config["docs_dir"]), repo_url=config["extra"].get("repository") or "",
                      site_url=config.get("site_url") or "", dataset=dataset)
    except DataError as error:
        raise PluginError("The provider data has problems; nothing was built:\n" + str(error)) from None
    except MissingTranslation as error:
        raise PluginError(f"Missing translations: {error}") from None
    remember_guide_entries(guide_search_entries(dataset))
    if not public_site_url(config.get("site_url") or ""):
        # Not a mkdocs warning, which --strict would turn into a failure: previews are built this way.
        print(f"WARNING: built without a public address (site_url is {config.get('site_url')!r}): the kit's link "
              "builder and the flyer say so instead of printing links. Set SITE_URL to the published address.",
              file=sys.stderr)
    _last_inputs = fingerprint
