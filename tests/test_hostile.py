"""Data that tries to inject markup reaches pages as inert text."""
from __future__ import annotations

import re

import pytest
from sitetools import pages, parse

EVENT_ATTRIBUTES = ("onerror", "onclick", "onmouseover", "onload")


def hostile_pages(site):
    return [file for file in pages(site) if "hostile-" in file.as_posix() or file.parent.name in ("providers", "escalation")]


def test_no_injected_elements_or_attributes(hostile_site):
    checked = 0
    for file in hostile_pages(hostile_site):
        parser = parse(file)
        for tag, attributes in parser.elements:
            assert tag not in ("iframe", "svg", "img") or "hostile" not in str(attributes), (file, tag, attributes)
            assert not any(name in attributes for name in EVENT_ATTRIBUTES), (file, tag, attributes)
            for name in ("href", "src"):
                value = (attributes.get(name) or "").strip().lower()
                assert not value.startswith(("javascript:", "data:")), (file, tag, attributes)
        assert not any("alert(" in script for script in parser.scripts), file
        checked += 1
    assert checked >= 4


@pytest.mark.parametrize("path", ["providers/hostile-mail/index.html", "ar/providers/hostile-mail/index.html"])
def test_hostile_text_is_shown_as_text(hostile_site, path):
    html = (hostile_site / path).read_text(encoding="utf-8")
    assert "&lt;script&gt;alert(" in html
    assert "<script>alert(" not in html
    assert "{{ config.site_name }}" in html or "Line one" in html
    assert 'href="javascript:' not in html.lower()


@pytest.mark.parametrize("path", ["providers/hostile-mail/index.html", "ar/providers/hostile-mail/index.html",
                                  "providers/index.html", "ar/providers/regions/index.html"])
def test_escaping_leaves_no_visible_backslashes(hostile_site, path):
    """Markdown escapes must not show up as text: each context gets the escaping it needs."""
    html = (hostile_site / path).read_text(encoding="utf-8")
    article = re.search(r"<article.*?</article>", html, re.S).group(0)
    text = re.sub(r"<[^>]+>", "", article)
    assert "\\" not in text


@pytest.mark.parametrize("path", ["providers/hostile-mail/sources/index.html", "ar/providers/hostile-mail/sources/index.html",
                                  "providers/escalation/index.html", "ar/providers/escalation/index.html"])
def test_a_plain_http_source_is_named_not_linked(hostile_site, path):
    """A page read over plain http is shown with its address as inert text: no link to it, and
    nothing in its address or title becomes markup."""
    parser = parse(hostile_site / path)
    assert not any((attributes.get("href") or "").startswith("http://") for tag, attributes in parser.elements if tag == "a")
    html = (hostile_site / path).read_text(encoding="utf-8")
    assert re.search(r"<code>http://\w+\.example/old(&#34;|&quot;)&gt;&lt;script&gt;alert\((&#34;|&quot;)plain", html)
    assert '<script>alert("plain")' not in html
