"""MkDocs hook: fixes to each page as the theme wrote it.

- `dir` on <html>: the theme puts it only on <body>; readers' tools and search engines look at <html>;
- on a right-to-left page, each address, domain and URL in the article is isolated so that it
  shows in its own order (delivermymail/bidi.py);
- the templates' indentation (about a fifth of each page) is dropped;
- the modules main.js imports are preloaded together (`modulepreload`), instead of one import
  after another (main.js, then each tool, then the lookup, then the data), with the tools' strings
  in the page's language (main.js loads them before starting the tools); the tools of one page,
  which main.js imports only there (the finder, the kit, the flyer, the header reader), are not;
- the search dialog gets a name in the page's language, which screen readers announce (the theme
  gives it none);
- the theme's configuration is written compactly, and a page in another language than the
  default gets its language's root as the search base, so its search box loads that language's
  own index (hooks/search.py writes it).
"""
import html
import json
import re
from pathlib import Path

from delivermymail.bidi import isolate_ltr
from delivermymail.browser import browser_strings_path
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings

_BODY_DIRECTION = re.compile(r'<body dir="(ltr|rtl)"')
_HTML_TAG = re.compile(r"<html (?![^>]*\bdir=)")
# The theme's configuration: the one element of its output this hook depends on. If a theme
# release renames it, theme_config() raises and tests/test_build.py says so.
_THEME_CONFIG = re.compile(r'(<script id="__config" type="application/json">)(.*?)(</script>)', re.S)
_KEEP_WHITESPACE = re.compile(r"(<(pre|textarea|script)\b.*?</\2>)", re.S)
_INDENTATION = re.compile(r"\n[ \t]+")
_ARTICLE = re.compile(r"(<article\b[^>]*>)(.*?)(</article>)", re.S)


def on_post_page(output, page, config, **kwargs):
    match = _BODY_DIRECTION.search(output)
    if match:
        output = _HTML_TAG.sub(f'<html dir="{match.group(1)}" ', output, count=1)
        if match.group(1) == "rtl":
            output = _ARTICLE.sub(lambda found: found.group(1) + isolate_ltr(found.group(2)) + found.group(3), output, count=1)
    output = strip_indentation(output)
    language = _language_of(page, config)
    output = output.replace("</head>", _module_preloads(page, language) + "</head>", 1)
    if language:
        label = html.escape(_strings.by_language[language.code]["ui_search_label"])
        output = output.replace(_SEARCH_DIALOG, f'{_SEARCH_DIALOG[:-1]} aria-label="{label}">', 1)
    return rewrite_theme_config(output, language)


ENTRY = "assets/javascripts/dmm/main.js"
# Static imports only: `import(...)` loads a page's own tool when that page needs it.
_STATIC_IMPORT = re.compile(r'^\s*import\s(?:[^;]*?\sfrom\s)?\s*"([^"]+)"', re.M)


def on_pre_build(config, **kwargs):
    """The modules main.js needs on every page, found once per build rather than once per page, and
    the site's strings."""
    global _modules, _strings
    _strings = load_strings(site_languages(Path(config["config_file_path"])))
    docs = Path(config["docs_dir"]).resolve()
    found, waiting = set(), [docs / ENTRY]
    while waiting:
        module = waiting.pop()
        if module in found or not module.is_file():
            continue
        found.add(module)
        waiting += [(module.parent / target).resolve() for target in _STATIC_IMPORT.findall(module.read_text(encoding="utf-8"))]
    _modules = sorted(path.relative_to(docs).as_posix() for path in found)


_modules: list[str] = []
_strings = None
_SEARCH_DIALOG = '<div class="md-search" data-md-component="search" role="dialog">'


def _module_preloads(page, language) -> str:
    """A modulepreload link for every browser module and for the strings of the page's language,
    relative to the page like the theme's own links."""
    root = page.url.count("/") * "../" if page.url not in ("", "./") else ""
    strings = [browser_strings_path(language.code).as_posix()] if language else []
    return "".join(f'<link rel="modulepreload" href="{root}{file}">' for file in [*_modules, *strings])


def theme_config(html: str) -> dict:
    found = _THEME_CONFIG.search(html)
    if not found:
        raise ValueError('the theme no longer writes <script id="__config" type="application/json">: '
                         "update hooks/pages.py")
    return json.loads(found.group(2))


def rewrite_theme_config(html: str, language) -> str:
    """The theme's configuration, parsed once and written again: without the \\uXXXX escapes the
    theme uses for every non-ASCII letter (six bytes for each Arabic letter instead of two), and, on
    a page of another language than the default, with `base` (where its search looks for the index)
    at that language's root."""
    config = theme_config(html)
    if language and not language.default:
        config["base"] = _language_root(config["base"], language.url_prefix.count("/"))
    text = json.dumps(config, ensure_ascii=False).replace("</", "<\\/")
    return _THEME_CONFIG.sub(lambda found: found.group(1) + text + found.group(3), html, count=1)


def _language_root(base: str, depth: int) -> str:
    """`base` is the way from the page to the site root ("../.."); the language's root is `depth`
    folders less far away."""
    parts = base.split("/")
    return "/".join(parts[:-depth]) if len(parts) > depth else "."


def strip_indentation(html: str) -> str:
    """Drop the templates' indentation, except inside elements where whitespace is content.
    Line breaks stay, so the HTML still means the same."""
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
