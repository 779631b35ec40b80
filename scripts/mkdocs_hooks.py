"""MkDocs hook: validate the dataset and generate provider pages, indexes and the JSON API
before every build, so plain `mkdocs build` and `mkdocs serve` work from a fresh clone.

static-i18n runs the build once per language, so this runs once per language too; generation
writes only files whose content changed, which makes the second run cheap and harmless.
"""
import hashlib
import re
import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

sys.path.insert(0, str(Path(__file__).resolve().parent))

from delivermymail.dataset import DataError  # noqa: E402
from delivermymail.generate import generate_site  # noqa: E402
from delivermymail.languages import site_languages  # noqa: E402
from delivermymail.strings import load_strings  # noqa: E402


_last_inputs = None


def _inputs_fingerprint(config) -> str:
    """What generation depends on: the data, the templates and generator code, and two settings."""
    digest = hashlib.sha256(f"{config.get('site_url')}|{config['extra'].get('repository')}".encode())
    root = Path(config["config_file_path"]).parent
    for folder in (root / "data", root / "scripts"):
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def on_pre_build(config, **kwargs):
    # static-i18n builds once per language: generate on the first pass, skip identical passes.
    global _last_inputs
    fingerprint = _inputs_fingerprint(config)
    if fingerprint == _last_inputs:
        return
    try:
        generate_site(docs_dir=Path(config["docs_dir"]), repo_url=config["extra"].get("repository") or "",
                      site_url=config.get("site_url") or "")
        _last_inputs = fingerprint
    except DataError as error:
        raise PluginError("The provider data has problems; nothing was built:\n" + str(error)) from None
    except KeyError as error:
        raise PluginError(f"Missing translations: {error}") from None


def on_env(env, config, files, **kwargs):
    """Every language's strings for templates that speak all languages at once (the 404 page)."""
    languages = site_languages(Path(config["config_file_path"]))
    strings = load_strings(languages)
    env.globals["dmm_languages"] = [
        {"code": language.code, "prefix": language.url_prefix, "strings": strings.by_language[language.code],
         "direction": language.direction}
        for language in languages
    ]
    return env


_BODY_DIRECTION = re.compile(r'<body dir="(ltr|rtl)"')
_HTML_TAG = re.compile(r"<html (?![^>]*\bdir=)")


def on_post_page(output, page, config, **kwargs):
    """Material puts dir only on <body>; readers' tools and search engines look at <html>."""
    match = _BODY_DIRECTION.search(output)
    return _HTML_TAG.sub(f'<html dir="{match.group(1)}" ', output, count=1) if match else output
