"""Turn the dataset into files under docs/: provider guides and indexes in every site language
(views.py + templates/), the JSON API (api.py), the browser tools' data (browser.py), badges
(badges.py) and the flyer's QR codes (qr.py).

Files are written only when their content changed (so `mkdocs serve` reloads only what moved),
and generated files that no longer belong to any provider are removed.
"""
from __future__ import annotations

import hashlib
import json
from pathlib import Path

import jinja2
from markupsafe import escape

from . import paths
from .api import api_files
from .badges import badge_files, catalogue
from .browser import BROWSER_DATA, HEADER_DATA, KIT_DATA, NAMES_DATA, browser_data, browser_strings, header_reader_data, kit_data, names_data
from .dataset import Dataset, load_dataset
from .languages import Language
from .markdown_safe import front_matter, md_text
from .qr import qr_code, qr_unavailable
from .strings import Strings, load_strings
from .urls import public_site_url
from .views import Page, escalation_view, index_view, needs_checking_view, provider_view, regions_view, senders_view


def _environment(escape) -> jinja2.Environment:
    """Every {{ value }} goes through `escape` unless it is already Markup: data is inert by
    default. Markdown templates escape with md_text; the guide template, written as HTML blocks,
    with escape (HTML only) and marks its Markdown headings with the `md` filter."""
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(paths.TEMPLATES),
        finalize=escape,
        autoescape=False,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["front"] = front_matter
    env.filters["md"] = md_text
    return env


# Rendered guides kept between builds of one process (`mkdocs serve`): after an edit to one
# provider file only that provider's guides are rendered again. The key holds everything a guide
# depends on: its entry, its host's entry, and the strings, kinds, templates and links used.
_rendered_guides: dict[tuple, tuple[str, str]] = {}     # (guide, its page of sources)


def _inputs_key(dataset: Dataset, strings: Strings, edit_base: str) -> str:
    templates = b"".join(path.read_bytes() for path in sorted(paths.TEMPLATES.glob("*.j2")))
    shared = json.dumps([strings.by_language, dataset.kinds, edit_base], sort_keys=True).encode() + templates
    return hashlib.sha256(shared).hexdigest()


def _guide_key(shared: str, language: Language, slug: str, entry: dict, dataset: Dataset) -> tuple:
    host = dataset.providers.get(entry["hosted_by"]) if entry.get("hosted_by") else None
    return (shared, language.code, slug, json.dumps(entry, sort_keys=True), json.dumps(host, sort_keys=True))


def render_all(dataset: Dataset, strings: Strings, repo_url: str = "", site_url: str = "") -> dict[Path, str | bytes]:
    """Every generated file, relative to docs/, with its content (text, or bytes for images)."""
    markdown_env, html_env = _environment(md_text), _environment(escape)
    public_url = public_site_url(site_url)
    site_url = site_url.rstrip("/") + "/" if site_url else "/"
    edit_base = f"{repo_url.rstrip('/')}/edit/main/data/providers/" if repo_url else ""
    shared = _inputs_key(dataset, strings, edit_base)
    wanted = {_guide_key(shared, language, slug, entry, dataset)
              for language in dataset.languages for slug, entry in dataset.providers.items()}
    for key in set(_rendered_guides) - wanted:     # forget what no longer exists
        del _rendered_guides[key]
    files: dict[Path, str] = {}
    for language in dataset.languages:
        page = Page(dataset, language, strings)
        guide_page = Page(dataset, language, strings, escape=escape)
        common = {"t": page.t}
        guide_template = html_env.get_template("provider.md.j2")
        sources_template = html_env.get_template("provider-sources.md.j2")
        for slug, entry in dataset.providers.items():
            key = _guide_key(shared, language, slug, entry, dataset)
            if key not in _rendered_guides:
                view = provider_view(guide_page, slug, entry)
                _rendered_guides[key] = (guide_template.render(p=view, t=guide_page.t, edit_base=edit_base),
                                         sources_template.render(p=view, t=guide_page.t, edit_base=edit_base))
            guide, sources = _rendered_guides[key]
            files[Path("providers", f"{slug}{language.suffix}.md")] = guide
            files[Path("providers", slug, f"sources{language.suffix}.md")] = sources
        files[Path("providers", f"index{language.suffix}.md")] = markdown_env.get_template("providers-az.md.j2").render(
            v=index_view(page), **common)
        files[Path("providers", f"regions{language.suffix}.md")] = markdown_env.get_template(
            "providers-regions.md.j2").render(v=regions_view(page), **common)
        files[Path("providers", f"needs-checking{language.suffix}.md")] = markdown_env.get_template(
            "needs-checking.md.j2").render(v=needs_checking_view(page), **common)
        files[Path("providers", f"for-senders{language.suffix}.md")] = markdown_env.get_template(
            "providers-senders.md.j2").render(v=senders_view(page), **common)
        files[Path("providers", f"escalation{language.suffix}.md")] = html_env.get_template(
            "escalation.md.j2").render(v=escalation_view(guide_page), t=guide_page.t)
        # The flyer's QR code: of the published finder, or, in a build without a public address, a
        # box that says so (a code of a preview address would lead a customer nowhere).
        texts = strings.by_language[language.code]
        finder_url = f"{public_url}{language.url_prefix}find/" if public_url else None
        files[Path("assets", "generated", f"qr-find{language.suffix}.svg")] = (
            qr_code(finder_url, texts["qr_alt"].format_map({"url": finder_url})) if finder_url else qr_unavailable(texts["qr_unavailable"]))

    files.update(api_files(dataset, site_url))
    badges, badge_sizes = badge_files(catalogue(dataset.languages, strings, dataset.providers))
    files.update(badges)
    files[BROWSER_DATA] = browser_data(dataset, strings)
    files[NAMES_DATA] = names_data(dataset)
    files.update(browser_strings(dataset, strings))
    files[KIT_DATA] = kit_data(dataset, strings, badge_sizes, public_url)
    files[HEADER_DATA] = header_reader_data(dataset, strings)
    return files


GENERATED_DIRS = (Path("providers"), Path("api", "v1"), BROWSER_DATA.parent, Path("badges"))


def write_files(files: dict[Path, str | bytes], docs_dir: Path) -> list[Path]:
    """Write what changed, remove generated files that are no longer produced. Returns changed paths."""
    changed = []
    for relative, content in sorted(files.items()):
        target = docs_dir / relative
        data = content.encode("utf-8") if isinstance(content, str) else content
        if not target.exists() or target.read_bytes() != data:
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_bytes(data)
            changed.append(relative)
    wanted = {docs_dir / relative for relative in files}
    for folder in GENERATED_DIRS:
        for existing in sorted((docs_dir / folder).rglob("*")):
            if existing.is_file() and existing not in wanted:
                existing.unlink()
                changed.append(existing.relative_to(docs_dir))
    return changed


def generate_site(docs_dir: Path = paths.DOCS, providers_dir: Path = paths.PROVIDERS,
                  repo_url: str = "", site_url: str = "", dataset: Dataset | None = None) -> list[Path]:
    """Validate, then render and write. Raises DataError before writing anything if the data is broken."""
    dataset = dataset or load_dataset(providers_dir)
    strings = load_strings(dataset.languages)
    return write_files(render_all(dataset, strings, repo_url, site_url), docs_dir)
