import re

from django.core import mail

from tests.background import run_ready_tasks

PASSWORD = "seoul-digital-city-2026"


def test_a_newcomer_signs_up_confirms_the_email_and_lands_signed_in_on_the_account_page(page):
    page.goto("/")
    page.get_by_role("link", name="Join WeGo Hub").click()
    page.get_by_label("Email").fill("newcomer@city.example")
    page.get_by_label("First name").fill("Nadia")
    page.get_by_label("Last name").fill("Newcomer")
    page.get_by_label("Password:", exact=True).fill(PASSWORD)
    page.get_by_label("Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Join WeGo Hub").click()
    page.get_by_role("heading", name="Verify Your Email Address").wait_for()

    run_ready_tasks()
    assert len(mail.outbox) == 1
    link = re.search(r"https?://\S+/accounts/confirm-email/\S+/", mail.outbox[0].body).group(0)
    page.goto(re.sub(r"^https?://[^/]+", "", link))
    page.get_by_role("button", name="Confirm").click()  # confirming in the browser that signed up signs in

    page.wait_for_url("**/me/")
    assert page.get_by_role("heading", level=1).inner_text().startswith("Welcome")
    assert "newcomer@city.example" in page.content()

    page.get_by_role("button", name="Sign out").click()
    page.get_by_role("link", name="Sign in").wait_for()


def test_the_site_works_with_the_keyboard_alone(page):
    page.goto("/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Skip to main content")
    assert skip_link.evaluate("element => element === document.activeElement")
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"
