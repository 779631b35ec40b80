"""The campaign kit in Chromium: the configurator and the snippets it hands out."""
from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser



def snippet(page, kind: str) -> str:
    return page.locator(f'textarea[data-dmm-snippet="{kind}"]').input_value()


def test_options_update_preview_and_snippets(page, site_server):
    page.goto(site_server + "kit/")
    preview = page.locator(".dmm-kit-preview img")
    assert preview.get_attribute("src") == site_server + "badges/deliver-my-mail-en-pill-light-md.svg"
    page.select_option("#dmm-kit-language", "ar")
    page.select_option("#dmm-kit-style", "card")
    page.select_option("#dmm-kit-theme", "dark")
    page.select_option("#dmm-kit-size", "lg")
    name = "deliver-my-mail-ar-card-dark-lg"
    assert preview.get_attribute("src") == site_server + f"badges/{name}.svg"
    # decode() waits for the new picture: checking right after the src changed would race it.
    assert preview.evaluate("img => img.decode().then(() => img.naturalWidth > 0)")
    html = snippet(page, "html")
    assert f'src="{site_server}badges/{name}.svg"' in html and f'href="{site_server}ar/"' in html
    assert 'alt="أوصِلوا بريدي:' in html, "alt text is in the badge's language"
    width, height = preview.get_attribute("width"), preview.get_attribute("height")
    assert f'width="{width}" height="{height}"' in html
    assert snippet(page, "markdown") == f"[![{'أوصِلوا بريدي: لم تصلك رسالتنا؟ إليك كيف تجدها'}]({site_server}badges/{name}.svg)]({site_server}ar/)"
    assert snippet(page, "bbcode") == f"[url={site_server}ar/][img]{site_server}badges/{name}.png[/img][/url]"
    assert f"badges/{name}@2x.png" in snippet(page, "signature")
    # A provider's guide, personalised with the business's sender address.
    page.select_option("#dmm-kit-link", "provider")
    assert page.locator("#dmm-kit-provider").is_visible()
    page.select_option("#dmm-kit-provider", "gmail")
    page.fill("#dmm-kit-sender", "news@shop.example")
    assert f'href="{site_server}ar/providers/gmail/?sender=news%40shop.example"' in snippet(page, "html")
    page.fill("#dmm-kit-sender", '"><script>x</script>')
    assert "script" not in snippet(page, "html"), "an invalid sender address is left out"


def test_snippets_carry_no_script_cookie_or_tracker(page, site_server):
    page.goto(site_server + "ar/kit/")
    for kind in ("html", "markdown", "bbcode", "signature"):
        text = snippet(page, kind).lower()
        assert "<script" not in text and "cookie" not in text and "onload" not in text and "?utm" not in text


def test_pasted_snippet_shows_the_badge_and_requests_only_it(browser, site_server):
    page = browser.new_page()
    page.goto(site_server + "kit/")
    page.select_option("#dmm-kit-style", "compact")
    html = snippet(page, "html")
    badge_url = page.locator(".dmm-kit-preview img").get_attribute("src")
    page.close()
    host = browser.new_page()
    requests = []
    host.on("request", lambda request: requests.append(request.url))
    # An empty page that holds nothing but the snippet (served by the test itself).
    host_url = site_server + "an-empty-host-page.html"
    host.route(host_url, lambda route: route.fulfill(
        content_type="text/html", body=f"<!doctype html><html><body>{html}</body></html>"))
    host.goto(host_url, wait_until="networkidle")
    image = host.locator("a img")
    assert image.evaluate("img => img.complete && img.naturalWidth > 0")
    assert requests == [host_url, badge_url]
    host.close()
