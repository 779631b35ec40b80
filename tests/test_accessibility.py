"""axe-core finds no serious or critical violation on any page type, in both languages and both
palettes; and no page breaks its Content-Security-Policy or asks another origin while axe looks."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from sitetools import Watch

from delivermymail.languages import site_languages

pytestmark = pytest.mark.browser
# Every page type; the 404 page is one file for every language (GitHub Pages serves /404.html).
PAGE_TYPES = ["", "recipients/", "faq/", "providers/", "providers/regions/", "providers/needs-checking/",
              "providers/for-senders/", "providers/gmail/", "providers/att/", "providers/ziggo/",
              "find/", "kit/", "flyer/", "headers/", "providers/icloud/", "developers/"]
CASES = [(language.url_prefix, path) for language in site_languages() for path in PAGE_TYPES] + [("", "404.html")]
AXE = Axe()
# What a palette changes is colour: in the second palette only the colour rules run again.
COLOUR_RULES = {"resultTypes": ["violations"],
                "runOnly": {"type": "rule", "values": ["color-contrast", "link-in-text-block"]}}


def settled(page) -> None:
    """Wait until the page is laid out as the reader sees it: the fonts are in and the theme has sized
    its sidebars (a busy machine can otherwise let axe measure a sidebar mid-layout)."""
    page.evaluate("""async () => {
        await document.fonts.ready;
        for (let frame = 0; frame < 2; frame++) await new Promise(requestAnimationFrame);
    }""")


def serious_violations(page, options=None) -> list[str]:
    settled(page)
    if options:     # axe is already in the page from the first run: run it again without re-injecting
        violations = page.evaluate("async options => (await axe.run(document, options)).violations", options)
        results = type("Results", (), {"response": {"violations": violations}})
    else:
        results = AXE.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"] if violation["impact"] in ("serious", "critical")
    ]


@pytest.mark.parametrize("language, path", CASES)
def test_no_serious_violation_in_either_palette(page, site_server, language, path):
    watch = Watch(page, site_server)
    page.goto(site_server + language + path)
    found = {"light": serious_violations(page)}
    switch = page.locator("form[data-md-component=palette] label:visible")
    has_switch = switch.count() > 0
    if has_switch:
        # The reader's palette switch, without a reload: the theme's toggle.
        switch.first.click()
    else:
        # The 404 page has no switch (it would speak one language only): a reader who chose the dark
        # scheme on another page brings it along, kept by the theme in the browser's storage.
        page.evaluate("""() => __md_set("__palette", {index: 1, color: {media: "(prefers-color-scheme: dark)",
                                                                       scheme: "slate", primary: "teal", accent: "deep-orange"}})""")
        page.reload()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    # After a reload axe is no longer in the page, so it is injected again and runs every rule.
    found["dark"] = serious_violations(page, COLOUR_RULES if has_switch else None)
    assert found == {"light": [], "dark": []}
    watch.assert_quiet(navigations_allowed=1 if has_switch else 2)


@pytest.mark.parametrize("language", [language.url_prefix for language in site_languages()])
def test_the_header_reader_s_explanation_is_accessible(page, site_server, language):
    """What the reader writes after a paste (verdicts, lists, the route) in both palettes."""
    from sitetools import FIXTURES

    page.goto(site_server + language + "headers/")
    page.fill("#dmm-headers-input", (FIXTURES / "headers" / "m365-scl5.txt").read_text(encoding="utf-8"))
    page.locator("#dmm-headers-output .dmm-headers-section").first.wait_for()
    found = {"light": serious_violations(page)}
    page.locator("form[data-md-component=palette] label:visible").first.click()
    page.wait_for_function("document.body.getAttribute('data-md-color-scheme') === 'slate'")
    found["dark"] = serious_violations(page, COLOUR_RULES)
    assert found == {"light": [], "dark": []}
