"""MkDocs hook: validate the dataset and generate provider pages, indexes and the JSON API
before every build, so plain `mkdocs build` and `mkdocs serve` work from a fresh clone.

static-i18n runs the build once per language, so this runs once per language too; generation
writes only files whose content changed, which makes the second run cheap and harmless.
"""
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from delivermymail.dataset import DataError  # noqa: E402
from delivermymail.generate import generate_site  # noqa: E402


def on_pre_build(config, **kwargs):
    try:
        generate_site(docs_dir=Path(config["docs_dir"]), repo_url=config["extra"].get("repository") or "",
                      site_url=config.get("site_url") or "")
    except DataError as error:
        raise PluginError("The provider data has problems; nothing was built:\n" + str(error)) from None
    except KeyError as error:
        raise PluginError(f"Missing translations: {error}") from None
