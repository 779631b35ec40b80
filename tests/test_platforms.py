"""A guide's platform switch in Chromium: it opens on the reader's kind of device, works with the
keyboard, and without JavaScript every platform's steps stay shown."""
from __future__ import annotations

import pytest

from delivermymail.dataset import load_dataset
from delivermymail.languages import site_languages
from delivermymail.strings import load_strings
from delivermymail.views import TASK_IDS

pytestmark = pytest.mark.browser
STRINGS = load_strings(site_languages()).by_language
DATASET = load_dataset()
IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Mobile/15E148 Safari/604.1"
ANDROID = "Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/124.0 Mobile Safari/537.36"
# A guide with steps for the web and for the iPhone app, and one with a single platform.
TWO_PLATFORMS = next(slug for slug, entry in sorted(DATASET.providers.items())
                     if {"web", "ios"} <= set(entry.get("steps", {})) and "android" not in entry["steps"])
# A guide with steps for both phones besides the web: each phone opens on its own steps.
BOTH_PHONES = next((slug for slug, entry in sorted(DATASET.providers.items())
                    if {"web", "android", "ios"} <= set(entry.get("steps", {}))), None)
ONE_PLATFORM = next(slug for slug, entry in sorted(DATASET.providers.items()) if set(entry.get("steps", {})) == {"web"})


def visible(page, heading_id: str) -> bool:
    return page.locator(f"#{heading_id}").is_visible() and page.locator(f"#{heading_id} + ol").is_visible()


def shown_for(page, task: str, platform: str) -> bool:
    """Whether the steps of `task` for `platform` are in view, alone under their heading or shared
    with another platform whose steps are the same (data-dmm-platform="android ios")."""
    heading = page.locator(f'h3[id^="{task}-"][data-dmm-platform~="{platform}"]')
    return heading.count() == 1 and visible(page, heading.get_attribute("id"))


@pytest.mark.parametrize("language", ["", "ar/"])
@pytest.mark.parametrize("agent, shown, hidden", [(None, "web", "ios"), (IPHONE, "ios", "web"), (ANDROID, "web", "ios")])
def test_the_guide_opens_on_the_reader_s_device(browser, site_server, language, agent, shown, hidden):
    context = browser.new_context(**({"user_agent": agent, "is_mobile": True, "viewport": {"width": 390, "height": 844}} if agent else {}))
    page = context.new_page()
    page.goto(site_server + language + f"providers/{TWO_PLATFORMS}/")
    switch = page.locator(".dmm-platform-switch")
    switch.wait_for()
    assert switch.locator("legend").inner_text() == STRINGS[language.rstrip("/") or "en"]["ui_platform_label"]
    assert switch.locator("input:checked").get_attribute("value") == shown
    for task in ("find", "not-spam", "allow"):
        if page.locator(f"#{task}-{hidden}").count() and page.locator(f"#{task}-{shown}").count():
            assert visible(page, f"{task}-{shown}") and not visible(page, f"{task}-{hidden}"), task
    context.close()


@pytest.mark.skipif(BOTH_PHONES is None, reason="no guide has steps for both phones")
@pytest.mark.parametrize("agent, shown", [(None, "web"), (IPHONE, "ios"), (ANDROID, "android")])
def test_each_phone_opens_on_its_own_steps(browser, site_server, agent, shown):
    context = browser.new_context(**({"user_agent": agent, "is_mobile": True, "viewport": {"width": 390, "height": 844}} if agent else {}))
    page = context.new_page()
    page.goto(site_server + f"providers/{BOTH_PHONES}/")
    page.locator(".dmm-platform-switch").wait_for()
    assert page.locator(".dmm-platform-switch input:checked").get_attribute("value") == shown
    assert shown_for(page, "find", shown)
    # Hidden: every block that is not for this platform (steps both apps share stay for either phone).
    assert [platform for platform in ("web", "android", "ios") if not shown_for(page, "find", shown) or
            (platform != shown and shown_for(page, "find", platform) and
             page.locator(f'h3[id^="find-"][data-dmm-platform~="{platform}"]').get_attribute("data-dmm-platform").split() == [platform])] == []
    context.close()


# A guide whose Android and iPhone steps for a task are the same: written once, under one heading.
SHARED_PHONES = next((slug for slug, entry in sorted(DATASET.providers.items())
                      if {"android", "ios"} <= set(entry.get("steps", {}))
                      and any(entry["steps"]["android"].get(task) == steps for task, steps in entry["steps"]["ios"].items())), None)


@pytest.mark.skipif(SHARED_PHONES is None, reason="no guide has the same steps for both phones")
@pytest.mark.parametrize("agent, language", [(IPHONE, ""), (ANDROID, "ar/"), (None, "")])
def test_steps_both_phone_apps_share_are_written_once_and_shown_on_either(browser, site_server, agent, language):
    entry = DATASET.providers[SHARED_PHONES]
    shared = [task for task, steps in entry["steps"]["ios"].items() if entry["steps"]["android"].get(task) == steps]
    context = browser.new_context(**({"user_agent": agent, "is_mobile": True, "viewport": {"width": 390, "height": 844}} if agent else {}))
    page = context.new_page()
    page.goto(site_server + language + f"providers/{SHARED_PHONES}/")
    page.locator(".dmm-platform-switch").wait_for()
    # The switch still offers each phone by its own name.
    values = page.locator(".dmm-platform-switch input").evaluate_all("inputs => inputs.map(input => input.value)")
    assert {"android", "ios"} <= set(values)
    for task in shared:
        anchor = TASK_IDS[task]
        assert page.locator(f"#{anchor}-android-ios").count() == 1
        assert page.locator(f"#{anchor}-android, #{anchor}-ios").count() == 0
        assert visible(page, f"{anchor}-android-ios") == (agent is not None), task
    if agent is None:       # a computer opens on the web steps; choosing the iPhone shows the shared ones
        page.get_by_label(STRINGS[language.rstrip("/") or "en"]["platform_ios"]).check()
        for task in shared:
            assert visible(page, f"{TASK_IDS[task]}-android-ios") and not visible(page, f"{TASK_IDS[task]}-web"), task
    context.close()


# A guide where one task has steps for the web only (the phone app's steps cover the other tasks).
PARTLY_PHONE = next((slug for slug, entry in sorted(DATASET.providers.items())
                     if "ios" in entry.get("steps", {}) and set(entry["steps"]["web"]) - set(entry["steps"]["ios"])), None)


@pytest.mark.skipif(PARTLY_PHONE is None, reason="no guide has phone steps for only some tasks")
@pytest.mark.parametrize("language", ["", "ar/"])
def test_a_task_without_phone_steps_keeps_the_computer_steps_in_view(browser, site_server, language):
    entry = DATASET.providers[PARTLY_PHONE]
    context = browser.new_context(user_agent=IPHONE, is_mobile=True, viewport={"width": 390, "height": 844})
    page = context.new_page()
    page.goto(site_server + language + f"providers/{PARTLY_PHONE}/")
    page.locator(".dmm-platform-switch").wait_for()
    for task in entry["steps"]["web"]:
        anchor = TASK_IDS[task]
        if task in entry["steps"]["ios"]:
            assert visible(page, f"{anchor}-ios") and not visible(page, f"{anchor}-web"), task
        else:
            assert visible(page, f"{anchor}-web"), task
    context.close()


def test_the_switch_works_with_the_keyboard_and_can_show_all(page, site_server):
    page.goto(site_server + f"providers/{TWO_PLATFORMS}/")
    checked = page.locator(".dmm-platform-switch input:checked")
    checked.focus()
    following = page.locator(".dmm-platform-switch input").nth(1).get_attribute("value")
    page.keyboard.press("ArrowRight")
    assert page.locator(".dmm-platform-switch input:checked").get_attribute("value") == following
    assert visible(page, f"find-{following}") and not visible(page, "find-web")
    page.get_by_label(STRINGS["en"]["ui_platform_all"]).check()
    assert visible(page, "find-ios") and visible(page, "find-web")


def test_without_javascript_every_platform_is_shown(browser, site_server):
    context = browser.new_context(java_script_enabled=False, user_agent=IPHONE)
    page = context.new_page()
    page.goto(site_server + f"providers/{TWO_PLATFORMS}/")
    assert page.locator(".dmm-platform-switch").count() == 0
    assert visible(page, "find-ios") and visible(page, "find-web")
    context.close()


def test_a_guide_with_one_platform_has_no_switch(page, site_server):
    page.goto(site_server + f"providers/{ONE_PLATFORM}/")
    page.wait_for_load_state("networkidle")
    assert page.locator(".dmm-platform-switch").count() == 0
    assert visible(page, "find-web")
