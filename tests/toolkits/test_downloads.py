"""Downloads: one view checks access, counts and serves; members-only bytes reach members only, by any URL."""

import pytest
from django.db import IntegrityError, transaction
from wagtail.models import Collection

from members.services import MEMBERS_COLLECTION
from tests.toolkits.conftest import file_of, make_document, publish_releases
from tests.translations import translate
from toolkits import services
from toolkits.models import Download, ReleaseFile, ToolkitPage, ToolkitRelease

SECRET = b"%PDF-1.4 members-only maturity workbook, do not leak"


def body(response):
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content)
    return response.content


def download_url(toolkit, file):
    return toolkit.url + toolkit.reverse_subpage("download", args=[file.id])


@pytest.fixture
def members_toolkit(make_toolkit):
    return make_toolkit(
        title="Maturity self-assessment",
        audience=ToolkitPage.Audience.MEMBERS,
        releases=[("1.0", 5, [("maturity.pdf", SECRET, "en")])],
    )


@pytest.mark.django_db
def test_a_member_downloads_a_members_only_file_and_it_is_counted(client, members_toolkit, city_member, city):
    client.force_login(city_member)
    file = file_of(members_toolkit)
    response = client.get(download_url(members_toolkit, file))
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="maturity.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert body(response) == SECRET
    download = Download.objects.get()
    assert (download.toolkit_id, download.file_id, download.version, download.language) == (
        members_toolkit.id,
        file.id,
        "1.0",
        "en",
    )
    assert (download.user, download.organisation) == (city_member, city)
    page = client.get(members_toolkit.url).content.decode()
    assert '<dd data-testid="download-count">1</dd>' in page


@pytest.mark.django_db
def test_nobody_else_receives_the_bytes_of_a_members_only_file_by_any_url(
    client, members_toolkit, outsider, admin_user
):
    file = file_of(members_toolkit)
    document = file.document
    assert document.collection.name == MEMBERS_COLLECTION  # moved there when the toolkit was published
    urls = [
        download_url(members_toolkit, file),
        members_toolkit.url + members_toolkit.reverse_subpage("latest", args=["en"]),
        document.url,  # Wagtail's own document address
        f"/documents/{document.id}/{document.filename}",
        f"/media/{document.file.name}",
        f"/media/images/../{document.file.name}",
    ]
    for who in (None, outsider):
        client.logout()
        if who:
            client.force_login(who)
        for url in urls:
            response = client.get(url)
            assert response.status_code in (302, 403, 404), (who, url, response.status_code)
            assert SECRET not in body(response), (who, url)
    assert not Download.objects.exists()

    client.force_login(admin_user)  # the secretariat may check any file
    assert body(client.get(document.url)) == SECRET


@pytest.mark.django_db
def test_signed_out_visitors_are_asked_to_sign_in_and_outsiders_are_told_how_to_join(client, members_toolkit, outsider):
    url = download_url(members_toolkit, file_of(members_toolkit))
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/accounts/login/?next={members_toolkit.url.replace('/', '%2F')}"
    page = client.get(members_toolkit.url).content.decode()
    assert "Sign in to download" in page
    assert url not in page

    client.force_login(outsider)
    response = client.get(url)
    assert response.status_code == 403
    assert "for staff of member cities" in response.content.decode()
    assert "find your city and ask to join" in client.get(members_toolkit.url).content.decode()


@pytest.mark.django_db
def test_a_public_file_downloads_for_anyone_and_counts_signed_out_visitors(client, make_toolkit):
    toolkit = make_toolkit(releases=[("1.0", 1, [("guide.pdf", b"%PDF-1.4 public guide", "en")])])
    response = client.get(download_url(toolkit, file_of(toolkit)), HTTP_USER_AGENT="Browser A")
    assert body(response) == b"%PDF-1.4 public guide"
    download = Download.objects.get()
    assert download.user is None and download.organisation is None
    assert "203.0.113" not in download.visitor  # only a keyed hash is stored


@pytest.mark.django_db
def test_unknown_removed_and_foreign_files_are_404(client, make_toolkit):
    toolkit = make_toolkit(releases=[("1.0", 3, [("a.pdf", b"%PDF-a", "en"), ("b.pdf", b"%PDF-b", "fr")])])
    other = make_toolkit(releases=[("1.0", 3, [("c.pdf", b"%PDF-c", "en")])])
    removed = file_of(toolkit, "fr")
    assert client.get(download_url(toolkit, file_of(other))).status_code == 404
    assert client.get(toolkit.url + "download/999999/").status_code == 404
    assert client.get(toolkit.url + "download/abc/").status_code == 404
    assert client.get(toolkit.url + "latest/xx/").status_code == 404
    assert client.get(toolkit.url + "latest/EN/").status_code == 404

    publish_releases(toolkit, [("1.1", 1, [("a2.pdf", b"%PDF-a2", "en")])])  # the French file is gone
    assert client.get(download_url(toolkit, removed)).status_code == 404
    assert client.get(toolkit.url + "latest/fr/").status_code == 404
    assert not Download.objects.exists()


@pytest.mark.django_db
def test_a_file_missing_from_storage_is_a_clear_404_not_a_500(client, make_toolkit):
    toolkit = make_toolkit()
    file = file_of(toolkit)
    file.document.file.storage.delete(file.document.file.name)
    response = client.get(download_url(toolkit, file))
    assert response.status_code == 404
    assert not Download.objects.exists()


@pytest.mark.django_db
def test_the_latest_link_follows_new_releases_per_language(client, make_toolkit):
    toolkit = make_toolkit(releases=[("1.0", 30, [("en-1.pdf", b"%PDF-en-1", "en"), ("fr-1.pdf", b"%PDF-fr-1", "fr")])])
    latest = toolkit.url + "latest/{}/"
    assert body(client.get(latest.format("en"))) == b"%PDF-en-1"
    publish_releases(
        toolkit,
        [
            ("1.0", 30, [("en-1.pdf", b"%PDF-en-1", "en"), ("fr-1.pdf", b"%PDF-fr-1", "fr")]),
            ("2.0", 1, [("en-2.pdf", b"%PDF-en-2", "en")]),
        ],
    )
    assert body(client.get(latest.format("en"))) == b"%PDF-en-2"
    assert body(client.get(latest.format("fr"))) == b"%PDF-fr-1"  # the newest release that has French
    page = client.get(toolkit.url).content.decode()
    assert "Download version 2.0" in page
    assert "Latest in French (now version 1.0)" in page
    assert "Version 1.0, released" in page  # older releases stay listed
    assert Download.objects.filter(toolkit=toolkit).count() == 3


@pytest.mark.django_db
def test_a_double_click_counts_once_and_head_or_post_count_nothing(client, make_toolkit, city_member):
    toolkit = make_toolkit()
    url = download_url(toolkit, file_of(toolkit))
    client.force_login(city_member)
    assert client.head(url).status_code == 200
    assert client.post(url).status_code == 405
    assert not Download.objects.exists()
    client.get(url)
    client.get(url)
    assert Download.objects.count() == 1
    # The same click window again, written directly: the database refuses it.
    download = Download.objects.get()
    download.pk = None
    with pytest.raises(IntegrityError), transaction.atomic():
        download.save()
    # A later click (the window has moved on) counts again.
    Download.objects.update(click_window=download.click_window - 1)
    client.get(url)
    assert Download.objects.count() == 2


@pytest.mark.django_db
def test_publishing_keeps_members_only_documents_in_the_restricted_collection(make_toolkit):
    shared = make_document("shared.pdf", b"%PDF-shared")
    toolkit = make_toolkit(audience=ToolkitPage.Audience.MEMBERS)
    document = file_of(toolkit).document
    assert document.collection.name == MEMBERS_COLLECTION

    toolkit.audience = ToolkitPage.Audience.PUBLIC
    toolkit.save_revision().publish()
    document.refresh_from_db()
    assert document.collection.name == services.PUBLIC_COLLECTION

    # A document that a live members-only toolkit also uses stays restricted.
    members = make_toolkit(audience=ToolkitPage.Audience.MEMBERS)
    public = make_toolkit()
    for page in (members, public):
        release = ToolkitRelease.objects.filter(toolkit=page).first()
        ReleaseFile.objects.create(release=release, document=shared, language="en", sort_order=5)
    services.secure_files(toolkit=members)
    services.secure_files(toolkit=public)
    shared.refresh_from_db()
    assert shared.collection.name == MEMBERS_COLLECTION


@pytest.mark.django_db
def test_a_restricted_document_linked_from_a_public_toolkit_stays_restricted(client, make_toolkit, outsider):
    toolkit = make_toolkit(releases=[("1.0", 1, [("secret.pdf", SECRET, "en")])])
    file = file_of(toolkit)
    file.document.collection = Collection.objects.get(name=MEMBERS_COLLECTION)
    file.document.save()
    client.force_login(outsider)
    response = client.get(download_url(toolkit, file))
    assert response.status_code == 403
    assert SECRET not in body(response)


@pytest.mark.django_db
def test_signed_out_visitors_behind_the_proxy_are_told_apart_by_their_own_address(client, make_toolkit, settings):
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1  # what production reads from TRUSTED_PROXY_COUNT=1
    toolkit = make_toolkit(releases=[("1.0", 1, [("guide.pdf", b"%PDF-1.4 public guide", "en")])])
    url = download_url(toolkit, file_of(toolkit))
    for address in ("203.0.113.10", "203.0.113.10", "198.51.100.20"):
        client.get(url, HTTP_USER_AGENT="Browser A", REMOTE_ADDR="10.0.0.2", HTTP_X_FORWARDED_FOR=address)
    assert Download.objects.count() == 2  # two people, one of whom clicked twice


@pytest.mark.django_db
def test_a_files_latest_link_leads_to_the_toolkit_in_the_files_language(client, make_toolkit):
    toolkit = make_toolkit(releases=[("1.0", 3, [("en.pdf", b"%PDF-en", "en"), ("fr.pdf", b"%PDF-fr", "fr")])])
    translate(toolkit, "fr", title="Boîte à outils")
    page = client.get(toolkit.url).content.decode()
    assert f'href="/fr{toolkit.url}latest/fr/"' in page and f'href="{toolkit.url}latest/en/"' in page
    assert body(client.get(f"/fr{toolkit.url}latest/fr/")) == b"%PDF-fr"
