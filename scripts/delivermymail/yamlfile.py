"""Reading YAML the same way everywhere: dates stay strings, duplicate keys are errors,
and every value keeps the line it came from so errors can point at it."""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml


# libyaml's parser when PyYAML has it (about ten times faster on thousands of files).
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


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


def _record_lines(node, path: tuple, lines: dict, duplicates: list) -> None:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.MappingNode):
        seen = set()
        for key_node, value_node in node.value:
            key = key_node.value
            if key in seen:
                duplicates.append((path + (key,), key_node.start_mark.line + 1))
            seen.add(key)
            _record_lines(value_node, path + (key,), lines, duplicates)
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, path + (index,), lines, duplicates)


def read_yaml(path: Path) -> YamlDocument:
    """Parse one YAML file; raise YamlError with a line number when it cannot be read."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError as error:
        raise YamlError(f"is not UTF-8 text ({error.reason})") from None
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
    return read_yaml(path).data
