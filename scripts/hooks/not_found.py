"""MkDocs hook: the 404 page. GitHub Pages serves one /404.html for every missing address, so the
page speaks every site language (overrides/404.html), and its language switch leads to each
language's home page."""
from pathlib import Path

from delivermymail.languages import site_languages
from delivermymail.strings import load_strings


def on_env(env, config, files, **kwargs):
    """Every language's strings for the 404 template, which speaks all languages at once."""
    languages = site_languages(Path(config["config_file_path"]))
    strings = load_strings(languages)
    env.globals["dmm_languages"] = [
        {"code": language.code, "name": language.name, "prefix": language.url_prefix, "strings": strings.by_language[language.code],
         "direction": language.direction}
        for language in languages
    ]
    return env
