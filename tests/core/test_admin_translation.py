"""The editors' translation workflow in the admin (wagtail-localize): submit a page for translation, export its
words as a PO file for an outside translator, import the translated file, publish; the page then answers in the
other language with the translator's words at the same address with the language prefix."""

import polib
import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from wagtail_localize.models import Translation

from tests.factories import CoursePageFactory
from tests.translations import locale

pytestmark = pytest.mark.django_db


def test_translate_a_course_with_a_po_file_from_an_outside_translator(
    admin_client, client, site_tree, django_capture_on_commit_callbacks
):
    french = locale("fr")
    course = CoursePageFactory(
        parent=site_tree["courses"], title="Open data for cities", slug="open-data", summary="Publish data well."
    )

    submit = reverse("wagtail_localize:submit_page_translation", args=[course.id])
    assert admin_client.get(submit).status_code == 200
    response = admin_client.post(submit, {"locales": [french.id], "include_subtree": "on"})
    assert response.status_code == 302
    translation = Translation.objects.get(source__object_id=course.translation_key, target_locale=french)

    exported = admin_client.get(reverse("wagtail_localize:download_pofile", args=[translation.id]))
    assert exported.status_code == 200 and exported["Content-Disposition"].endswith("-fr.po")
    po = polib.pofile(exported.content.decode())
    assert {entry.msgid for entry in po} >= {"Open data for cities", "Publish data well."}
    assert "slug" not in {entry.msgctxt for entry in po}  # the address stays the English one in every language
    words = {"Open data for cities": "Les données ouvertes pour les villes", "Publish data well.": "Bien publier."}
    for entry in po:
        entry.msgstr = words.get(entry.msgid, entry.msgid)

    upload = reverse("wagtail_localize:upload_pofile", args=[translation.id])
    response = admin_client.post(
        upload, {"file": SimpleUploadedFile("open-data-fr.po", str(po).encode(), "text/x-gettext-translation")}
    )
    assert response.status_code == 302
    with django_capture_on_commit_callbacks(execute=True):  # wagtail-localize publishes once the save commits
        translation.save_target(publish=True)  # the editor's "Publish in French"

    page = client.get("/fr/courses/open-data/")
    assert page.status_code == 200
    html = page.content.decode()
    assert "Les données ouvertes pour les villes" in html and "Bien publier." in html
    assert '<html lang="fr"' in html and "notice-untranslated" not in html


def test_the_locales_admin_and_a_translated_pages_editor_answer(admin_client, site_tree):
    locale("fr")
    assert admin_client.get(reverse("wagtaillocales:index")).status_code == 200
    assert admin_client.get(reverse("wagtaillocales:add")).status_code == 200
    course = CoursePageFactory(parent=site_tree["courses"], title="Smart city strategy", slug="strategy")
    admin_client.post(
        reverse("wagtail_localize:submit_page_translation", args=[course.id]), {"locales": [locale("fr").id]}
    )
    french = course.get_translation(locale("fr"))
    assert admin_client.get(reverse("wagtailadmin_pages:edit", args=[french.id])).status_code == 200
