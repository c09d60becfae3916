"""The demo courses' quizzes in other languages, from core/demo_data/translations/<language>/quiz--<course>.po,
imported before the lessons (core.demo_translations) so that a translated lesson shows the translated quiz."""

from wagtail.models import Locale

from core.demo_translations import QUIZ_PREFIX, TRANSLATIONS, import_translation, stored_translations
from core.i18n import in_default_language

from .models import CoursePage, LessonPage, Quiz


def quiz_files():
    """[(language, course slug, PO file)]: the quizzes of a course's lessons, translated before the lessons are (a
    translated lesson then shows the translated quiz)."""
    return [
        (path.parent.name, path.stem.removeprefix(QUIZ_PREFIX), path)
        for path in sorted(TRANSLATIONS.glob(f"*/{QUIZ_PREFIX}*.po"))
    ]


def import_quiz_translations(progress):
    locales = {locale.language_code: locale for locale in Locale.objects.all()}
    for language, course_slug, path in progress.iterate(quiz_files(), "quizzes"):
        course = in_default_language(CoursePage.objects.filter(slug=course_slug)).first()
        if course is None or language not in locales:
            continue
        wanted = stored_translations(path)
        lessons = LessonPage.objects.descendant_of(course).filter(quiz__isnull=False)
        for quiz in Quiz.objects.filter(pk__in=lessons.values("quiz")):
            progress.record(import_translation(quiz, locales[language], wanted))
