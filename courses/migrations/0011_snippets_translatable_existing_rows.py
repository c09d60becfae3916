"""Existing instructors, quizzes, questions and choices are English (the default locale), each with a translation
key of its own."""

from django.conf import settings
from django.db import migrations
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models.i18n import BootstrapTranslatableModel


def default_locale(apps, schema_editor):
    """The default language's locale, which BootstrapTranslatableModel reads: wagtailcore's migrations make it,
    but a database emptied since (a flushed test database) may have none."""
    language_code = get_supported_content_language_variant(settings.LANGUAGE_CODE)
    apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code=language_code)


class Migration(migrations.Migration):
    dependencies = [("courses", "0010_snippets_translatable_bootstrap")]

    operations = [
        migrations.RunPython(default_locale, migrations.RunPython.noop),
        BootstrapTranslatableModel("courses.Instructor"),
        BootstrapTranslatableModel("courses.Quiz"),
        BootstrapTranslatableModel("courses.Question"),
        BootstrapTranslatableModel("courses.Choice"),
    ]
