"""Steps the browser journeys share."""

import re

from playwright.sync_api import expect

from tests.conftest import PASSWORD


def use_english(page) -> None:
    """Switch the UI to English with the header's EN button (the choice is a cookie)."""
    page.locator("header form.lang button[name=language][value=en]").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")


def log_in(page, user, password: str = PASSWORD, english: bool = True) -> None:
    """Log in through the real login form, in English unless told otherwise."""
    page.goto("/login/")
    expect(page.locator("html")).to_have_attribute("lang", "id")
    if english:
        use_english(page)
    form = page.locator("main form")
    form.locator("input[name=username]").fill(user.username)
    form.locator("input[name=password]").fill(password)
    form.locator("button[type=submit]").click()
    expect(page).not_to_have_url(re.compile(r"/login/"))
    expect(page.locator("header .who")).to_have_text(user.get_full_name() or user.username)
