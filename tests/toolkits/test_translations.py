"""A toolkit in several languages is one toolkit: its downloads count for the original page, whichever translation
(or alias) the file was taken from; listings show each toolkit once per language."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from tests.factories import UserFactory
from tests.toolkits.conftest import file_of
from tests.translations import alias, translate
from toolkits import selectors, views
from toolkits.models import Download, ToolkitPage

pytestmark = pytest.mark.django_db


def request_by(user=None):
    request = RequestFactory().get("/", HTTP_USER_AGENT="pytest")
    request.user = user or AnonymousUser()
    return request


def test_downloads_from_a_translation_and_an_alias_count_for_the_original_toolkit(make_toolkit):
    toolkit = make_toolkit(title="Open data guide")
    french = translate(toolkit, "fr", title="Guide des données ouvertes")
    spanish_alias = alias(toolkit, "es")
    french_file, alias_file = file_of(french), file_of(spanish_alias)
    assert french_file.pk != file_of(toolkit).pk  # a translation carries copies of the original's files

    for page, file, person in (
        (toolkit, file_of(toolkit), UserFactory()),
        (french, french_file, UserFactory()),
        (spanish_alias, alias_file, UserFactory()),
    ):
        response = views.download(request_by(person), page, file_id=file.pk)
        assert response.status_code == 200

    assert set(Download.objects.values_list("toolkit_id", flat=True)) == {toolkit.pk}
    for page in ToolkitPage.objects.filter(pk__in=[toolkit.pk, french.pk, spanish_alias.pk]):  # as a request reads them
        context = selectors.toolkit_page_context(request_by(), page)
        assert context["download_count"] == 3
        assert [file.download_count for file in context["latest_release"].files.all()] == [3]
    assert selectors.card_facts([french])[french.pk].downloads == 3


def test_recent_toolkits_list_each_toolkit_once_in_the_readers_language(make_toolkit):
    toolkits = [make_toolkit(title=f"Toolkit {n}") for n in range(3)]
    french = {translate(toolkit, "fr", title=f"Boîte à outils {n}").pk for n, toolkit in enumerate(toolkits)}
    russian = {alias(toolkit, "ru").pk for toolkit in toolkits}

    with translation.override("fr"):
        assert {toolkit.pk for toolkit in selectors.recent_toolkits(limit=10)} == french
    with translation.override("ru"):
        assert {toolkit.pk for toolkit in selectors.recent_toolkits(limit=10)} == russian
    with translation.override("en"):
        assert {toolkit.pk for toolkit in selectors.recent_toolkits(limit=10)} == {toolkit.pk for toolkit in toolkits}


def test_my_downloads_link_to_the_toolkit_in_my_language_in_a_fixed_number_of_queries(make_toolkit):
    person = UserFactory()
    french_pages = set()

    def download_a_new_toolkit(number):
        toolkit = make_toolkit(title=f"Toolkit {number}")
        french = translate(toolkit, "fr", title=f"Boîte à outils {number}")
        french_pages.add(french.pk)
        views.download(request_by(person), french, file_id=file_of(french).pk)

    download_a_new_toolkit(1)
    with translation.override("fr"), CaptureQueriesContext(connection) as one:
        selectors.my_downloads(person)
    for number in (2, 3, 4):
        download_a_new_toolkit(number)
    with translation.override("fr"), CaptureQueriesContext(connection) as four:
        rows = selectors.my_downloads(person)

    assert len(four) == len(one)
    assert {download.shown_toolkit.pk for download, _newest in rows} == french_pages
    assert {download.toolkit_id for download, _newest in rows}.isdisjoint(french_pages)
