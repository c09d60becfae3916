from core.demo import ensure_child
from core.models import StandardPage
from members import services
from members.models import Membership
from tests.factories import PASSWORD, OrganisationFactory, UserFactory, make_member

NEW_PASSWORD = "dakar-digital-city-2026"


def members_corner(site):
    page, _ = ensure_child(
        site["home"], StandardPage, "members-corner", title="Members' corner", intro="Working documents for members."
    )
    services.restrict_page_to_members(page)
    return page


def sign_in(page, email, password):
    page.goto("/accounts/login/")
    page.get_by_label("Email").fill(email)
    page.get_by_label("Password:", exact=True).fill(password)
    page.get_by_role("button", name="Sign In").click()


def test_an_invited_person_accepts_signs_up_and_opens_a_members_only_page(page, site):
    corner = members_corner(site)
    city = OrganisationFactory(name="Dakar City Hall")
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT)
    invitation = services.invite(organisation=city, addresses=["moussa@dakar.city.example"], by=focal_point)[0]

    page.goto(corner.url)
    page.wait_for_url("**/accounts/login/**")  # not a member yet

    page.goto(f"/invitations/{invitation.token}/")
    page.get_by_role("heading", name="Join Dakar City Hall").wait_for()
    page.get_by_role("link", name="Create my account").click()
    assert page.get_by_label("Email").input_value() == "moussa@dakar.city.example"
    page.get_by_label("First name").fill("Moussa")
    page.get_by_label("Last name").fill("Ndiaye")
    page.get_by_label("Password:", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Password (again)").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Join WeGo Hub").click()

    page.get_by_role("button", name="Accept the invitation").click()
    page.wait_for_url("**/me/")
    assert "Welcome to Dakar City Hall" in page.content()

    page.goto(corner.url)
    page.get_by_role("heading", name="Members' corner").wait_for()
    assert "Working documents for members." in page.content()


def test_a_focal_point_approves_a_pending_request(page, site):
    city = OrganisationFactory(name="Municipality of Curitiba")
    focal_point = make_member(city, role=Membership.Role.FOCAL_POINT, email="joao@curitiba.city.example")
    applicant = UserFactory(first_name="Carla", last_name="Mendes", email="carla@mail.example")
    services.request_membership(user=applicant, organisation=city)

    sign_in(page, focal_point.email, PASSWORD)
    page.wait_for_url("**/me/")
    page.get_by_role("link", name="Open the focal-point dashboard").click()
    page.get_by_role("heading", name="Focal-point dashboard").wait_for()
    page.get_by_role("button", name="Approve Carla Mendes").click()
    page.get_by_text("Carla Mendes is now a member.").wait_for()
    assert Membership.objects.get(user=applicant).status == Membership.Status.APPROVED
    assert applicant.groups.filter(name="Members").exists()
