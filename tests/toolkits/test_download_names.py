"""A downloaded file keeps the name it was uploaded with, even when the storage had to rename it
("maturity-self-assessment.xlsx", never "maturity-self-assessment_6kbN5ZK.xlsx"): through the toolkit's download
view and through Wagtail's own document address."""

import io
from pathlib import PurePosixPath

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from django.utils.http import parse_header_parameters
from wagtail.documents import get_document_model
from wagtail.models import Collection

from members.models import Membership
from tests.factories import ToolkitPageFactory
from tests.toolkits.conftest import make_document
from toolkits.models import ReleaseFile, ToolkitPage, ToolkitRelease

pytestmark = pytest.mark.django_db
WORKBOOK = b"PK\x03\x04 a maturity workbook"
NAME = "maturity-self-assessment.xlsx"


def attachment_name(response):
    """The file name a browser saves the download as: filename*, when there is one, wins over filename
    (RFC 6266), and Django's parser keeps the last of the two."""
    disposition, params = parse_header_parameters(response["Content-Disposition"])
    assert disposition == "attachment"
    return params["filename"]


def upload(client, name, content, title):
    response = client.post(
        reverse("wagtaildocs:add"),
        {"title": title, "file": SimpleUploadedFile(name, content), "collection": Collection.get_first_root_node().pk},
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_document_model().objects.get(title=title)


def toolkit_with(toolkits_index, documents):
    toolkit = ToolkitPageFactory(parent=toolkits_index, title="Maturity self-assessment")
    for number, document in enumerate(documents):
        release = ToolkitRelease(version=f"1.{number}", released_on=timezone.localdate(), sort_order=number)
        release.files = [ReleaseFile(document=document, language="en")]
        toolkit.releases.add(release)
    toolkit.save_revision().publish()
    return toolkit


def download(client, toolkit, document):
    file = ReleaseFile.objects.get(release__toolkit=toolkit, document=document)
    response = client.get(toolkit.url + toolkit.reverse_subpage("download", args=[file.id]))
    assert response.status_code == 200
    return response


def test_two_uploads_with_one_name_both_download_with_that_name(admin_client, client, toolkits_index):
    first = upload(admin_client, NAME, WORKBOOK, "Workbook 1.0")
    second = upload(admin_client, NAME, WORKBOOK + b" 1.1", "Workbook 1.1")
    assert PurePosixPath(first.file.name).name == NAME
    assert PurePosixPath(second.file.name).name != NAME  # the storage suffixed the second one
    toolkit = toolkit_with(toolkits_index, [first, second])
    for document in (first, second):
        assert attachment_name(download(client, toolkit, document)) == NAME
        assert document.url.endswith(f"/{NAME}")
        served = client.get(document.url)  # Wagtail's own serve view
        assert served.status_code == 200 and attachment_name(served) == NAME


def test_files_stored_by_code_keep_their_name_too(client, toolkits_index):
    first, second = make_document(f"toolkits/{NAME}", WORKBOOK), make_document(f"toolkits/{NAME}", WORKBOOK)
    assert first.file.name != second.file.name
    toolkit = toolkit_with(toolkits_index, [first, second])
    assert [attachment_name(download(client, toolkit, document)) for document in (first, second)] == [NAME, NAME]


def test_a_name_in_another_script_or_with_spaces_survives(admin_client, client, toolkits_index):
    name = "자가진단 워크북 (v2).xlsx"
    document = upload(admin_client, name, WORKBOOK, "Korean workbook")
    toolkit = toolkit_with(toolkits_index, [document])
    assert attachment_name(download(client, toolkit, document)) == name
    assert attachment_name(client.get(document.url)) == name


def test_a_document_stored_before_names_were_kept_keeps_its_address(client, toolkits_index):
    document = make_document(NAME, WORKBOOK)
    get_document_model().objects.filter(pk=document.pk).update(original_filename="")
    document.refresh_from_db()
    assert document.url == f"/documents/{document.pk}/{NAME}"
    assert attachment_name(client.get(document.url)) == NAME


def test_the_demo_stores_each_release_file_under_its_own_name_once(client, demo_site):
    documents = list(get_document_model().objects.filter(file__startswith="documents/toolkits/"))
    call_command("seed_demo", stdout=io.StringIO())
    assert get_document_model().objects.filter(file__startswith="documents/toolkits/").count() == len(documents)
    assert documents and all(PurePosixPath(doc.file.name).name == doc.original_filename for doc in documents)
    toolkit = ToolkitPage.objects.get(locale__language_code="en", slug="smart-city-maturity-self-assessment")
    workbooks = ReleaseFile.objects.filter(release__toolkit=toolkit, document__original_filename=NAME)
    assert workbooks.count() == 2  # versions 1.0 and 1.2
    member = Membership.objects.filter(status=Membership.Status.APPROVED, organisation__status="active").first().user
    client.force_login(member)  # the maturity toolkit is for members
    for file in workbooks:
        response = client.get(toolkit.url + toolkit.reverse_subpage("download", args=[file.id]))
        assert response.status_code == 200 and attachment_name(response) == NAME
