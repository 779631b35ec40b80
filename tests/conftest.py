"""Shared fixtures: one real build of the site, one build with hostile data, and Chromium."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from sitetools import CHROMIUM, FIXTURES, ROOT, TEST_PORT, build, copy_project, serve


@pytest.fixture(scope="session")
def site(tmp_path_factory) -> Path:
    """The real dataset, built with `mkdocs build --strict` into a temporary folder."""
    project = copy_project(tmp_path_factory.mktemp("project"), sorted((ROOT / "data" / "providers").glob("*.yml")))
    site_dir = tmp_path_factory.mktemp("site")
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    site_dir.joinpath(".build-log").write_text(result.stdout + result.stderr, encoding="utf-8")
    return site_dir


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> Path:
    """Gmail plus the providers of tests/fixtures/hostile/, whose texts try to inject markup or script."""
    providers = [ROOT / "data" / "providers" / "gmail.yml", *sorted((FIXTURES / "hostile").glob("*.yml"))]
    project = copy_project(tmp_path_factory.mktemp("hostile-project"), providers)
    for folder in ("escalation", "headers"):
        for file in (FIXTURES / "hostile" / folder).glob("*.yml"):
            shutil.copy2(file, project / "data" / folder / file.name)
    site_dir = tmp_path_factory.mktemp("hostile-site")
    result = build(project, site_dir)
    assert result.returncode == 0, result.stdout + result.stderr
    return site_dir


# The address a published site has: what the kit's link builder and the flyer hand to customers.
PUBLIC_SITE_URL = "https://deliver-my-mail.example/dmm/"


@pytest.fixture(scope="session")
def public_site(tmp_path_factory) -> Path:
    """A few providers built as if published at PUBLIC_SITE_URL (the other builds have a local address,
    for which the kit and the flyer make no links). Served locally by `public_server`."""
    providers = [ROOT / "data" / "providers" / f"{slug}.yml" for slug in ("gmail", "outlook", "icloud", "microsoft-365")]
    project = copy_project(tmp_path_factory.mktemp("public-project"), providers)
    site_dir = tmp_path_factory.mktemp("public-site")
    result = build(project, site_dir, site_url=PUBLIC_SITE_URL)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "without a public address" not in result.stderr
    return site_dir


@pytest.fixture(scope="session")
def browser():
    """Debian's Chromium driven by Playwright. A missing browser fails the run: it is never a skip."""
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install it with `apt-get install chromium` (scripts/test.sh does)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=str(CHROMIUM),
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"])
        yield instance
        instance.close()


@pytest.fixture
def page(browser):
    """A fresh desktop-sized browser tab that may use the clipboard, closed after the test."""
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.grant_permissions(["clipboard-read", "clipboard-write"])
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(scope="session")
def site_server(site):
    base, server = serve(site, TEST_PORT)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def public_server(public_site):
    base, server = serve(public_site)
    yield base
    server.shutdown()


@pytest.fixture(scope="session")
def hostile_server(hostile_site):
    base, server = serve(hostile_site)
    yield base
    server.shutdown()
