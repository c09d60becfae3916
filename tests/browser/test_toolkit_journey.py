from django.test import override_settings

from tests.factories import OrganisationFactory, ToolkitPageFactory, make_member
from tests.toolkits.conftest import publish_releases
from toolkits.models import Download, ToolkitPage

WORKBOOK = b"PK\x03\x04 the maturity workbook, version 1.2"


def test_a_visitor_is_asked_to_sign_in_then_downloads_the_latest_file_and_the_count_rises(page, site, tmp_path):
    with override_settings(MEDIA_ROOT=tmp_path):
        seoul = OrganisationFactory(name="Seoul Metropolitan Government")
        member = make_member(seoul, email="jiwoo@seoul.city.example")
        toolkit = ToolkitPageFactory(
            parent=site["toolkits"], title="Smart-city maturity self-assessment", audience=ToolkitPage.Audience.MEMBERS
        )
        publish_releases(
            toolkit,
            [
                ("1.0", 90, [("maturity-1.0.xlsx", b"PK\x03\x04 old", "en")]),
                ("1.2", 2, [("maturity-1.2.xlsx", WORKBOOK, "en")]),
            ],
        )

        page.goto("/toolkits/?audience=members")
        page.get_by_role("link", name="Smart-city maturity self-assessment").click()
        page.get_by_role("heading", name="Download version 1.2").wait_for()
        assert page.get_by_test_id("download-count").inner_text() == "0"
        assert page.locator(".file-list a").count() == 0  # no download link for a signed-out visitor

        page.get_by_role("link", name="Sign in to download").click()
        page.get_by_label("Email").fill(member.email)
        page.get_by_label("Password:", exact=True).fill("correct-horse-battery-staple")
        page.get_by_role("button", name="Sign In").click()
        page.wait_for_url(f"**{toolkit.url}")

        with page.expect_download() as download_info:
            page.get_by_role("link", name="Download maturity-1.2.xlsx").click()
        download = download_info.value
        assert download.suggested_filename == "maturity-1.2.xlsx"
        with open(download.path(), "rb") as saved:
            assert saved.read() == WORKBOOK

        page.reload()
        assert page.get_by_test_id("download-count").inner_text() == "1"
        assert Download.objects.get().organisation == seoul
