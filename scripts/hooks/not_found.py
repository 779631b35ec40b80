"""MkDocs hook: the 404 page. GitHub Pages serves one /404.html for every missing address, so the
page speaks every site language (overrides/404.html), and its language switcher leads to each
language's home page."""
from pathlib import Path
from urllib.parse import urlsplit

from delivermymail.languages import site_languages
from delivermymail.strings import load_strings


def on_env(env, config, files, **kwargs):
    """Every language's strings for the 404 template, which speaks all languages at once."""
    languages = site_languages(Path(config["config_file_path"]))
    strings = load_strings(languages)
    env.globals["dmm_languages"] = [
        {"code": language.code, "prefix": language.url_prefix, "strings": strings.by_language[language.code],
         "direction": language.direction}
        for language in languages
    ]
    return env


def on_pre_template(template, template_name, config, **kwargs):
    """The 404 page is rendered once per language after the pages, so its switcher would point at
    whichever page was built last: point it at each language's home page instead."""
    if template_name == "404.html":
        base = urlsplit(config.get("site_url") or "/").path.rstrip("/")
        # static-i18n keeps the switcher as an attribute of config.extra, which the theme reads.
        config.extra.alternate = [{"name": language.name, "link": f"{base}/{language.url_prefix}", "lang": language.code}
                                  for language in site_languages(Path(config["config_file_path"]))]
    return template
