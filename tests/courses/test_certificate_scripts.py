"""A certificate printed in Russian, Arabic or Korean has every letter: the fonts cover the script (nothing falls
back to an empty box), Arabic letters are joined and read right to left, and the layout mirrors."""

import io

import arabic_reshaper
import pytest
from django.utils import translation
from pypdf import PdfReader
from reportlab.pdfbase import pdfmetrics

from courses import services
from courses.certificates import TEXT, TEXT_BOLD, register_fonts, render_pdf, visual
from courses.models import Certificate
from tests.factories import UserFactory, make_course
from tests.translations import translate

pytestmark = pytest.mark.django_db

FIXED_TEXT = ["Certificate of completion", "This certifies that", "has completed the course"]


def certificate_for(course, lessons, language, **names):
    learner = UserFactory(preferred_language=language, **names)
    services.enroll(user=learner, course=course)
    for lesson in lessons:
        services.mark_lesson_complete(user=learner, course=course, lesson=lesson)
    return Certificate.objects.get(enrollment__user=learner)


def fonts_in(pdf):
    reader = PdfReader(io.BytesIO(pdf))
    return {str(font["/BaseFont"]) for page in reader.pages for font in page["/Resources"]["/Font"].values()}


@pytest.mark.parametrize("language", ["ru", "ar", "fr", "es"])
def test_the_fixed_text_in_every_language_is_covered_by_the_certificate_fonts(language):
    register_fonts()
    with translation.override(language):
        for text in FIXED_TEXT:
            translated = translation.gettext(text)
            assert translated != text  # the catalogue has it
            for font in (TEXT, TEXT_BOLD):
                face = pdfmetrics.getFont(font).face
                missing = {ch for ch in visual(translated) if ch != " " and ord(ch) not in face.charToGlyph}
                assert not missing, (language, font, missing)


def test_a_russian_certificate_is_in_russian_in_a_font_with_cyrillic(site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    translate(course, "ru", title="Основы открытых данных")
    pdf = render_pdf(certificate_for(course, lessons, "ru", first_name="Олег", last_name="Смирнов"))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    assert "Основы открытых данных" in text and "Олег Смирнов" in text
    with translation.override("ru"):
        assert translation.gettext("Certificate of completion") in text
    assert any("DejaVuSans" in font for font in fonts_in(pdf))


def test_an_arabic_certificate_joins_its_letters_and_reads_right_to_left(site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    translate(course, "ar", title="أساسيات البيانات المفتوحة")
    pdf = render_pdf(certificate_for(course, lessons, "ar", first_name="ليلى", last_name="حداد"))
    text = PdfReader(io.BytesIO(pdf)).pages[0].extract_text()
    # Drawn in joined (presentation) forms; pypdf reads right-to-left text back in reading order.
    title = arabic_reshaper.reshape("أساسيات البيانات المفتوحة")
    assert title != "أساسيات البيانات المفتوحة" and title in text
    assert "أساسيات" not in text  # no unjoined letters
    with translation.override("ar"):
        assert arabic_reshaper.reshape(translation.gettext("Certificate of completion")) in text
    assert any("DejaVuSans" in font for font in fonts_in(pdf))


def test_a_korean_certificate_uses_the_korean_font_for_its_fixed_text(site_tree):
    course, lessons = make_course(site_tree["courses"], title="Open data basics", modules=1, lessons_per_module=1)
    pdf = render_pdf(certificate_for(course, lessons, "ko", first_name="지호", last_name="김"))
    assert any("HYSMyeongJo" in font for font in fonts_in(pdf))
