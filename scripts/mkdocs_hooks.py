"""MkDocs hook: validate the dataset and generate provider pages, indexes and the JSON API
before every build, so plain `mkdocs build` and `mkdocs serve` work from a fresh clone.

static-i18n runs the build once per language, so this runs once per language too; generation
writes only files whose content changed, which makes the second run cheap and harmless.
"""
import hashlib
import json
import re
from pathlib import Path
from urllib.parse import urlsplit

from delivermymail.csp import add_policy
from delivermymail.dataset import DataError, load_dataset
from delivermymail.generate import generate_site, guide_search_entries
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings
from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority

_last_inputs = None
_serving = False             # `mkdocs serve` injects an inline live-reload script that no policy can know
_guide_entries: dict = {}    # search entries for the guides, per language, from the last generation


def _inputs_fingerprint(config) -> str:
    """What generation depends on: the data, the templates and generator code, and two settings."""
    digest = hashlib.sha256(f"{config.get('site_url')}|{config['extra'].get('repository')}".encode())
    root = Path(config["config_file_path"]).parent
    for folder in (root / "data", root / "scripts"):
        for file in sorted(folder.rglob("*")):
            if file.is_file() and "__pycache__" not in file.parts:
                digest.update(str(file.relative_to(root)).encode() + b"\0" + file.read_bytes())
    return digest.hexdigest()


def on_startup(command, dirty, **kwargs):
    global _serving
    _serving = command == "serve"


def on_pre_build(config, **kwargs):
    # static-i18n builds once per language: generate on the first pass, skip identical passes.
    global _last_inputs, _guide_entries
    fingerprint = _inputs_fingerprint(config)
    if fingerprint == _last_inputs:
        return
    root = Path(config["config_file_path"]).parent
    try:
        dataset = load_dataset(root / "data" / "providers", site_languages(root / "mkdocs.yml"))
        generate_site(docs_dir=Path(config["docs_dir"]), repo_url=config["extra"].get("repository") or "",
                      site_url=config.get("site_url") or "", dataset=dataset)
        _guide_entries = guide_search_entries(dataset)
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
_CONFIG_JSON = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_CONFIG_BASE = re.compile(r'(<script id="__config" type="application/json">\{"annotate": [^,]*, "base": ")([^"]*)(")')


def on_pre_template(template, template_name, config, **kwargs):
    """The 404 page is rendered once per language after the pages, so its language switcher would
    point at whichever page was built last: point it at each language's home page instead."""
    if template_name == "404.html":
        base = urlsplit(config.get("site_url") or "/").path.rstrip("/")
        homes = [{"name": language.name, "link": f"{base}/{language.url_prefix}", "lang": language.code}
                 for language in site_languages(Path(config["config_file_path"]))]
        # static-i18n sets the switcher as an attribute of config.extra (the theme reads it so).
        config.extra.alternate = homes
    return template


def on_post_template(output, template_name, config, **kwargs):
    """The 404 page gets the same Content-Security-Policy as every page."""
    if template_name == "404.html" and not _serving:
        return add_policy(output)
    return output


@event_priority(-150)  # last, after other plugins' changes: the policy hashes the final inline scripts
def on_post_page(output, page, config, **kwargs):
    """Fixes to each page as Material wrote it:
    - dir on <html>: Material puts it only on <body>; readers' tools and search engines look at <html>;
    - a page in another language than the default gets its language's root as the search base,
      so its search box loads that language's own index (see on_post_build);
    - a Content-Security-Policy (csp.py), except under `mkdocs serve`."""
    match = _BODY_DIRECTION.search(output)
    if match:
        output = _HTML_TAG.sub(f'<html dir="{match.group(1)}" ', output, count=1)
    output = _strip_indentation(output)
    # Material writes its configuration with every non-ASCII letter as a \\uXXXX escape: six bytes
    # for each Arabic letter instead of two.
    output = _CONFIG_JSON.sub(lambda found: found.group(1) + json.dumps(json.loads(found.group(2)), ensure_ascii=False)
                              .replace("</", "<\\/") + found.group(3), output, count=1)
    language = _language_of(page, config)
    if language and not language.default:
        depth = language.url_prefix.count("/")

        def language_root(found):
            parts = found.group(2).split("/")
            root = "/".join(parts[:-depth]) if len(parts) > depth else "."
            return found.group(1) + root + found.group(3)

        output = _CONFIG_BASE.sub(language_root, output, count=1)
    return output if _serving else add_policy(output)


_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S)
_INDENTATION = re.compile(r"\n[ \t]+")


def _strip_indentation(html: str) -> str:
    """The templates' indentation is about a fifth of each page: drop it, except inside elements
    where whitespace is content. Line breaks stay, so the HTML still means the same."""
    parts = _KEEP_WHITESPACE.split(html)
    # split() with two groups yields: text, whole element, tag name, text, ...
    return "".join(_INDENTATION.sub("\n", part) if index % 3 == 0 else (part if index % 3 == 1 else "")
                   for index, part in enumerate(parts))


def _language_of(page, config):
    code = getattr(page.file, "locale", None)
    for language in site_languages(Path(config["config_file_path"])):
        if language.code == code:
            return language
    return None


@event_priority(-200)  # after static-i18n has merged every language's entries into one index
def on_post_build(config, **kwargs):
    """Split Material's combined search index into one index per language, so a reader searching
    on an Arabic page gets Arabic results, and add the guides' entries made from the data (name,
    about, kind, domains): a few hundred bytes per guide instead of whole pages."""
    index_file = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    languages = site_languages(Path(config["config_file_path"]))
    others = [language.url_prefix for language in languages if not language.default]
    if not any(doc["location"].startswith(tuple(others)) for doc in index["docs"]):
        return  # an inner, single-language pass; the merged index comes later
    for language in languages:
        prefix = language.url_prefix
        docs = []
        for doc in index["docs"]:
            location = doc["location"]
            if language.default and location.startswith(tuple(others)):
                continue
            if not language.default and not location.startswith(prefix):
                continue
            docs.append({**doc, "location": location[len(prefix):]})
        docs += _guide_entries.get(language.code, [])
        docs = [{**doc, "title": _without_marks(doc["title"]), "text": _without_marks(doc["text"])} for doc in docs]
        target = Path(config["site_dir"]) / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps({"config": {**index["config"], "lang": [language.code]}, "docs": docs},
                                     ensure_ascii=False, separators=(",", ":")), encoding="utf-8")


# Arabic short vowels and other marks, and the tatweel: most Arabic is written without them, so
# they are removed from the index here and from the reader's query in dmm.js (same ranges).
_ARABIC_MARKS = re.compile("[\u0640\u064B-\u065F\u0670\u06D6-\u06ED]")


def _without_marks(text: str) -> str:
    return _ARABIC_MARKS.sub("", text)

