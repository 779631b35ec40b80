"""MkDocs hook: one search index per language. The theme builds one combined index; this splits
it (delivermymail/search.py), so a reader searching on an Arabic page gets Arabic results, and
adds the guides' entries made from the data: a few hundred bytes per guide instead of whole pages."""
import json
from pathlib import Path

from mkdocs.plugins import event_priority

from delivermymail.languages import site_languages
from delivermymail.search import is_merged, remembered_guide_entries, split_index


@event_priority(-200)  # after static-i18n has merged every language's entries into one index
def on_post_build(config, **kwargs):
    index_file = Path(config["site_dir"]) / "search" / "search_index.json"
    if not index_file.exists():
        return
    index = json.loads(index_file.read_text(encoding="utf-8"))
    languages = site_languages(Path(config["config_file_path"]))
    if not is_merged(index, languages):
        return  # an inner, single-language pass; the merged index comes later
    for prefix, language_index in split_index(index, languages, remembered_guide_entries()).items():
        target = Path(config["site_dir"]) / prefix / "search" / "search_index.json"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(json.dumps(language_index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
