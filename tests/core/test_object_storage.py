"""Files on S3-compatible object storage (moto's server, over HTTP): nothing in the bucket is readable without a
signature; members-only files leave only after the access check, as a signed address that expires; images and
their renditions are made from and kept in the bucket, and served through /media/."""

import io
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.core.files.storage import default_storage
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from core.files import ObjectStorage
from members import services as members
from tests.factories import OrganisationFactory, UserFactory, make_member
from tests.object_storage import environment
from tests.toolkits.conftest import file_of, publish_releases
from toolkits.models import Download, ToolkitPage

pytestmark = pytest.mark.django_db
REPO = Path(__file__).resolve().parents[2]
SECRET = b"%PDF-1.4 members-only maturity workbook, do not leak"


def download_url(toolkit, file):
    return toolkit.url + toolkit.reverse_subpage("download", args=[file.id])


def png(width=640, height=360):
    out = io.BytesIO()
    Image.new("RGB", (width, height), (20, 90, 160)).save(out, format="PNG")
    return out.getvalue()


@pytest.fixture
def members_toolkit(object_storage, site_tree):
    from tests.factories import ToolkitPageFactory

    toolkit = ToolkitPageFactory(
        parent=site_tree["toolkits"], title="Maturity self-assessment", audience=ToolkitPage.Audience.MEMBERS
    )
    return publish_releases(toolkit, [("1.0", 5, [("maturity workbook.pdf", SECRET, "en")])])


def test_with_a_bucket_configured_the_settings_store_uploads_there():
    """What an operator sets (docs/operations.md) is what the settings read: a separate process, as it starts."""
    probe = (
        "import django; django.setup(); from django.core.files.storage import default_storage as s; "
        "s._setup(); print(type(s._wrapped).__name__, *(getattr(s, name, '-') for name in "
        "('bucket_name', 'endpoint_url', 'querystring_expire', 'file_overwrite')))"
    )
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "wego_hub.settings.dev",
        **environment("http://127.0.0.1:9", "wego-media"),
        "MEDIA_SIGNED_URL_SECONDS": "45",
    }
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-5:] == ["ObjectStorage", "wego-media", "http://127.0.0.1:9", "45", "False"]
    env.pop("AWS_STORAGE_BUCKET_NAME")
    out = subprocess.run([sys.executable, "-c", probe], env=env, cwd=REPO, capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.split()[-5:] == ["FileSystemStorage", "-", "-", "-", "-"]  # the disk, as before


def test_a_member_gets_a_signed_address_that_downloads_the_file_under_its_name(
    client, members_toolkit, object_storage, settings
):
    city = OrganisationFactory(name="City of Seoul")
    member = make_member(city)
    file = file_of(members_toolkit)
    key = file.document.file.name
    assert key in object_storage.stored_keys()
    assert isinstance(default_storage, ObjectStorage)

    client.force_login(member)
    response = client.get(download_url(members_toolkit, file))
    assert response.status_code == 302
    assert "no-store" in response["Cache-Control"]
    signed = response["Location"]
    assert signed.startswith(f"{object_storage.endpoint}/{object_storage.name}/")
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200
    assert fetched.content == SECRET
    assert fetched.headers["Content-Disposition"] == 'attachment; filename="maturity workbook.pdf"'
    assert fetched.headers["Content-Type"] == "application/pdf"
    assert fetched.headers["Cache-Control"] == "private, no-store"
    assert Download.objects.filter(file=file, user=member).count() == 1  # counted, as from the disk


def test_nothing_in_the_bucket_is_readable_without_a_signature_and_a_signature_is_short_lived(
    client, members_toolkit, object_storage, settings
):
    file = file_of(members_toolkit)
    key = file.document.file.name
    assert requests.get(object_storage.unsigned_url(key), timeout=10).status_code == 403
    assert object_storage.grants_to_everyone(key) == []

    client.force_login(make_member(OrganisationFactory()))
    signed = client.get(download_url(members_toolkit, file))["Location"]
    query = parse_qs(urlsplit(signed).query)
    # S3 refuses the address after this many seconds (moto's server does not check SigV4 expiry, so we read it).
    assert query["X-Amz-Expires"] == [str(settings.MEDIA_SIGNED_URL_SECONDS)] == ["60"]
    assert query["X-Amz-Algorithm"] == ["AWS4-HMAC-SHA256"]
    other_object = signed.replace(urlsplit(signed).path, f"/{object_storage.name}/documents/another.pdf")
    assert requests.get(other_object, timeout=10).status_code == 403  # a signature is for one object


def test_anyone_else_gets_the_refusal_and_no_address(client, members_toolkit, object_storage):
    file = file_of(members_toolkit)
    url = download_url(members_toolkit, file)
    signed_out = client.get(url)
    assert signed_out.status_code == 302 and "/accounts/login/" in signed_out["Location"]
    client.force_login(UserFactory())
    refused = client.get(url)
    assert refused.status_code == 403
    assert object_storage.endpoint not in refused.content.decode()
    assert not Download.objects.exists()


def test_a_file_missing_from_the_bucket_is_a_404_and_logged(client, members_toolkit, object_storage, caplog):
    file = file_of(members_toolkit)
    default_storage.delete(file.document.file.name)
    client.force_login(make_member(OrganisationFactory()))
    response = client.get(download_url(members_toolkit, file))
    assert response.status_code == 404
    assert f"File missing from storage: {file.document.file.name}" in caplog.text  # the error report's line
    assert not Download.objects.exists()


def test_a_members_only_document_leaves_through_wagtail_after_its_check(client, object_storage):
    document = get_document_model().objects.create(
        title="Members' guide",
        file=ContentFile(b"%PDF-1.4 members only", name="members-guide.pdf"),
        collection=members.members_only_collection(),
    )
    assert document.file.name in object_storage.stored_keys()
    assert client.get(document.url).status_code == 302  # to sign in
    assert object_storage.endpoint not in client.get(document.url)["Location"]
    client.force_login(UserFactory())
    assert client.get(document.url).status_code == 403
    client.force_login(make_member(OrganisationFactory()))
    response = client.get(document.url)
    assert response.status_code == 302 and response["Location"].startswith(object_storage.endpoint)
    assert "no-store" in response["Cache-Control"]
    fetched = requests.get(response["Location"], timeout=10)
    assert fetched.content == b"%PDF-1.4 members only"
    assert fetched.headers["Content-Disposition"] == 'attachment; filename="members-guide.pdf"'


def test_renditions_are_made_from_the_bucket_kept_there_and_served_through_media(client, object_storage):
    image = get_image_model().objects.create(
        title="Seoul skyline", file=ImageFile(io.BytesIO(png()), name="skyline.png")
    )
    assert image.file.name in object_storage.stored_keys()
    rendition = image.get_rendition("fill-320x180|format-webp")
    assert rendition.file.name in object_storage.stored_keys()
    assert requests.get(object_storage.unsigned_url(rendition.file.name), timeout=10).status_code == 403

    response = client.get(rendition.url)
    assert rendition.url.startswith("/media/images/")
    assert response.status_code == 200
    assert response["Content-Type"] == "image/webp"
    assert response["Cache-Control"] == "public, max-age=86400"
    served = b"".join(response.streaming_content)
    assert int(response["Content-Length"]) == len(served)
    assert Image.open(io.BytesIO(served)).size == (320, 180)
    again = client.get(rendition.url, HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304
    assert client.get("/media/images/gone.width-400.png").status_code == 404
    assert client.get(f"/media/{image.file.name.replace('original_images', 'documents')}").status_code == 404
