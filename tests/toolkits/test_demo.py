"""The demo toolkits: six of them, with files that real parsers open."""

import io
import zipfile
from xml.etree import ElementTree

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from members.services import MEMBERS_COLLECTION
from toolkits import demo_files
from toolkits.models import Download, ReleaseFile, ToolkitPage


def test_generated_files_open_in_real_parsers():
    pdf = PdfReader(io.BytesIO(demo_files.pdf("Open-data policy", ["Open by default.", "Licence: CC BY 4.0."])))
    assert "Open by default." in pdf.pages[0].extract_text()
    assert pdf.metadata.title == "Open-data policy"

    with zipfile.ZipFile(io.BytesIO(demo_files.docx("Worksheets", ["Where the city stands <today>"]))) as package:
        assert package.testzip() is None
        body = ElementTree.fromstring(package.read("word/document.xml"))  # noqa: S314 -- our own file
    texts = [node.text for node in body.iter("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}t")]
    assert texts == ["Worksheets", "Where the city stands <today>"]

    workbook = load_workbook(io.BytesIO(demo_files.xlsx("Self-assessment", ["Dimension", "Score"], [["Data", 3]])))
    assert list(workbook.active.values) == [("Dimension", "Score"), ("Data", 3)]


@pytest.mark.django_db
def test_the_seed_publishes_six_toolkits_with_files_and_downloads(client, demo_site):
    toolkits = ToolkitPage.objects.live()
    assert toolkits.count() >= 6
    assert all(toolkit.releases.exists() for toolkit in toolkits)
    files = ReleaseFile.objects.select_related("document__collection", "release__toolkit")
    assert {file.extension for file in files} >= {"pdf", "docx", "xlsx"}
    for file in files:
        members_only = file.release.toolkit.audience == ToolkitPage.Audience.MEMBERS
        assert (file.document.collection.name == MEMBERS_COLLECTION) == members_only
        assert file.size > 1000
    assert Download.objects.count() > 100
    public = files.filter(release__toolkit__audience=ToolkitPage.Audience.PUBLIC).first()
    toolkit = public.release.toolkit
    response = client.get(toolkit.url + toolkit.reverse_subpage("download", args=[public.id]))
    assert response.status_code == 200
    with public.document.open_file() as stored:
        assert b"".join(response.streaming_content) == stored.read()
