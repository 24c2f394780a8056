"""Fixtures for the browser journeys: headless Debian Chromium driven by Playwright.

The browser is started once per test session; every test gets a fresh context (its own
cookies) pointed at pytest-django's `live_server`. The live server runs in another
thread against a transactional database, so each test creates its data itself (the
`world` fixture) and that data is committed before the browser asks for a page.

Playwright's sync API runs an event loop in this thread; Django refuses ORM calls from
a thread with a running loop unless DJANGO_ALLOW_ASYNC_UNSAFE is set.
"""

import os
from pathlib import Path

import pytest

os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
TIMEOUT_MS = 15_000


@pytest.fixture(scope="session")
def screenshot_dir(request) -> Path:
    directory = request.config.rootpath / "test-output" / "browser"
    directory.mkdir(parents=True, exist_ok=True)
    return directory


@pytest.fixture(scope="session")
def browser(chromium_path):
    from playwright.sync_api import expect, sync_playwright

    expect.set_options(timeout=TIMEOUT_MS)
    playwright = sync_playwright().start()
    try:
        browser = playwright.chromium.launch(
            executable_path=chromium_path, headless=True, args=CHROMIUM_ARGS
        )
        yield browser
        browser.close()
    finally:
        playwright.stop()


@pytest.fixture
def page(request, browser, live_server, screenshot_dir):
    # An Indonesian browser, as the directorate's participants use: with no language
    # cookie the workspace answers in Bahasa Indonesia.
    context = browser.new_context(
        base_url=live_server.url,
        locale="id-ID",
        accept_downloads=True,
        viewport={"width": 1280, "height": 900},
    )
    context.set_default_timeout(TIMEOUT_MS)
    page = context.new_page()
    # Chromium reports every script, style or frame the Content-Security-Policy refused
    # on the console; a page of the workspace must need none of them.
    refused = []
    page.on(
        "console",
        lambda message: (
            refused.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    yield page
    report = getattr(request.node, "rep_call", None)
    if report is not None and report.failed:
        page.screenshot(path=screenshot_dir / f"FAILED-{request.node.name}.png", full_page=True)
    context.close()
    assert not refused, f"the Content-Security-Policy refused: {refused}"


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    """Keep the call phase's report on the item so `page` can screenshot a failure."""
    report = yield
    if report.when == "call":
        item.rep_call = report
    return report


@pytest.fixture
def screenshot(page, screenshot_dir):
    """Save the whole page as test-output/browser/<name>.png for a person to look at."""

    def save(name: str) -> Path:
        path = screenshot_dir / f"{name}.png"
        page.screenshot(path=path, full_page=True)
        return path

    return save
