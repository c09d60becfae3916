from tests.factories import PASSWORD


def sign_in(page, email, password=PASSWORD):
    """Sign in through the real form and wait for "My hub", where sign-in lands."""
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()
    page.wait_for_url("**/me/")
