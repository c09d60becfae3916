import datetime as dt

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.test import override_settings
from django.utils import timezone
from wagtail.documents import get_document_model
from wagtail.models import Collection

from tests.factories import OrganisationFactory, ToolkitPageFactory, UserFactory, make_member
from toolkits.models import ReleaseFile, ToolkitRelease


@pytest.fixture(autouse=True)
def media_root(request, tmp_path):
    if "demo_site" in request.fixturenames:  # the shared demo's files are in its own folder
        yield settings.MEDIA_ROOT
        return
    with override_settings(MEDIA_ROOT=tmp_path):
        yield tmp_path


@pytest.fixture
def toolkits_index(site_tree):
    return site_tree["toolkits"]


def make_document(name, content, title=None):
    Document = get_document_model()
    document = Document(title=title or name, collection=Collection.get_first_root_node())
    document.file.save(name, ContentFile(content), save=False)
    document._set_document_file_metadata()
    document.save()
    return document


def publish_releases(toolkit, releases):
    """Replace the toolkit's releases and publish, as an editor does in the admin.

    ``releases``: [(version, days ago, [(file name, bytes, language), ...])], any order.
    """
    today = timezone.localdate()
    toolkit.releases = []
    for number, (version, days_ago, files) in enumerate(releases):
        release = ToolkitRelease(version=version, released_on=today - dt.timedelta(days=days_ago), sort_order=number)
        release.files = [
            ReleaseFile(document=make_document(name, content), language=language, sort_order=order)
            for order, (name, content, language) in enumerate(files)
        ]
        toolkit.releases.add(release)
    toolkit.save_revision().publish()
    toolkit.refresh_from_db()
    return toolkit


@pytest.fixture
def make_toolkit(toolkits_index):
    def make(*, releases=(("1.0", 10, [("guide.pdf", b"%PDF-1.4 the guide", "en")]),), **fields):
        toolkit = ToolkitPageFactory(parent=toolkits_index, **fields)
        return publish_releases(toolkit, releases)

    return make


def file_of(toolkit, language="en", version=None):
    files = ReleaseFile.objects.filter(release__toolkit=toolkit, language=language).select_related("release")
    if version:
        files = files.filter(release__version=version)
    return files.order_by("-release__released_on", "sort_order").first()


@pytest.fixture
def city(db):
    return OrganisationFactory(name="City of Seoul", city="Seoul")


@pytest.fixture
def city_member(city):
    return make_member(city)


@pytest.fixture
def outsider(db):
    """Signed in, verified, but not staff of a member city."""
    return UserFactory()
