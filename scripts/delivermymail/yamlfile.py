"""Reading YAML the same way everywhere: dates stay strings, duplicate keys are errors,
and every value keeps the line it came from so errors can point at it.

Provider files come from strangers, so reading is defensive: a size cap before parsing, and no
anchors, aliases, explicit tags or non-text keys. No provider needs them, and aliases let a file
of a few hundred bytes expand into gigabytes (the "billion laughs"); they are refused from the
event stream, before anything is expanded.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

# libyaml's parser when PyYAML has it (about ten times faster on thousands of files).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_STRING_TAG = "tag:yaml.org,2002:str"

# The largest provider file is about 12 KB; four times the size of any real entry's content.
MAX_FILE_BYTES = 64 * 1024


class _Loader(_BaseLoader):
    """A safe loader that keeps `2026-11-26` as text: dates are checked by the validator, not guessed by YAML."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
}


class YamlError(Exception):
    def __init__(self, message: str, line: int | None = None, path: str = ""):
        super().__init__(message)
        self.message = message
        self.line = line
        self.path = path


@dataclass
class YamlDocument:
    data: object
    lines: dict[tuple, int] = field(default_factory=dict)

    def line_of(self, path: tuple) -> int | None:
        """The line of the value at `path`, or of its nearest parent that YAML knows."""
        path = tuple(path)
        while path:
            if path in self.lines:
                return self.lines[path]
            path = path[:-1]
        return self.lines.get((), None)


def _refuse_expansions(text: str) -> None:
    """Anchors, aliases and explicit tags are refused from the event stream, which is linear
    in the size of the text: nothing is expanded or constructed before this has passed."""
    for event in yaml.parse(text, Loader=_BaseLoader):
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlError(f"uses the alias *{event.anchor}: YAML anchors and aliases are not allowed "
                            "in provider files (write each value out)", line)
        if getattr(event, "anchor", None):
            raise YamlError(f"defines the anchor &{event.anchor}: YAML anchors and aliases are not allowed "
                            "in provider files (write each value out)", line)
        if getattr(event, "tag", None):
            raise YamlError(f"uses the YAML tag {event.tag}: tags are not allowed in provider files", line)


def _record_lines(node, path: tuple, lines: dict, duplicates: list) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            if not isinstance(key_node, yaml.ScalarNode) or key_node.tag != _STRING_TAG:
                raise YamlError("has a key that is not plain text (keys are field names such as 'name')",
                                key_node.start_mark.line + 1, ".".join(map(str, path)))
            key = key_node.value
            if key in seen:
                duplicates.append((path + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            _record_lines(value_node, path + (key,), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, duplicates)


def read_text(path: Path, limit: int = MAX_FILE_BYTES) -> str:
    """A regular file's text, refused when it is larger than `limit` bytes or not UTF-8."""
    with open(path, "rb") as handle:
        raw = handle.read(limit + 1)
    if len(raw) > limit:
        raise YamlError(f"is larger than {limit // 1024} KB, the limit for one provider file "
                        "(no real entry comes near it)")
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise YamlError(f"is not UTF-8 text ({error.reason})") from None


def read_yaml(path: Path, limit: int = MAX_FILE_BYTES) -> YamlDocument:
    """Parse one YAML file; raise YamlError with a line number when it cannot be read."""
    text = read_text(path, limit)
    try:
        _refuse_expansions(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(f"is not valid YAML: {error.problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise YamlError(f"is not valid YAML: {error}") from None
    loader = _Loader(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlDocument(None)
        lines: dict = {}
        duplicates: list = []
        _record_lines(node, (), lines, duplicates)
        if duplicates:
            dup_path, line = duplicates[0]
            raise YamlError(f"key '{dup_path[-1]}' appears twice", line, ".".join(map(str, dup_path)))
        return YamlDocument(loader.construct_document(node), lines)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        raise YamlError(f"is not valid YAML: {error.problem}", mark.line + 1 if mark else None) from None
    except yaml.YAMLError as error:
        raise YamlError(f"is not valid YAML: {error}") from None
    finally:
        loader.dispose()


def read_plain_yaml(path: Path):
    """Small configuration files (kinds, labels, strings) where line numbers are not needed."""
    return read_yaml(path, limit=1024 * 1024).data
