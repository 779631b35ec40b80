"""axe-core finds no serious or critical violation on any page type, in both languages and palettes."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

pytestmark = pytest.mark.browser
PAGE_TYPES = ["", "recipients/", "faq/", "providers/", "providers/regions/", "providers/needs-checking/",
              "providers/for-senders/", "providers/gmail/", "providers/att/", "providers/ziggo/",
              "find/", "kit/", "flyer/", "developers/"]
AXE = Axe()


@pytest.fixture(scope="module", params=["light", "dark"])
def palette_page(request, browser):
    context = browser.new_context(color_scheme=request.param, viewport={"width": 1100, "height": 900})
    page = context.new_page()
    yield page
    context.close()


@pytest.mark.parametrize("language", ["", "ar/"])
@pytest.mark.parametrize("path", PAGE_TYPES)
def test_no_serious_violation(palette_page, site_server, language, path):
    palette_page.goto(site_server + language + path, wait_until="networkidle")
    results = AXE.run(palette_page)
    serious = [
        f"{violation['id']} ({violation['impact']}): {violation['help']} — "
        + "; ".join(node["target"][0] if isinstance(node["target"][0], str) else str(node["target"]) for node in violation["nodes"][:3])
        for violation in results.response["violations"] if violation["impact"] in ("serious", "critical")
    ]
    assert not serious, "\n".join(serious)


def test_404_page_has_no_serious_violation(palette_page, site_server):
    palette_page.goto(site_server + "no-such-page/")
    results = AXE.run(palette_page)
    assert [v["id"] for v in results.response["violations"] if v["impact"] in ("serious", "critical")] == []
