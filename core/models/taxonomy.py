from django.db import models
from django.db.models import Min, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import TranslatableMixin
from wagtail.search import index


def in_reader_language_or_original(queryset):
    """A translatable snippet's ``queryset`` as the reader sees it: each thing once, in the reader's language
    (core.i18n.in_reader_language) when it is translated into it, else its original (the first of its translation
    key), so that a thing not translated yet still shows. Subqueries, not more queries."""
    from core.i18n import active_language

    model = queryset.model
    language = active_language()
    translated = model.objects.filter(locale__language_code=language).values("translation_key")
    originals = model.objects.order_by().values("translation_key").annotate(first=Min("id")).values("first")
    return queryset.filter(
        Q(locale__language_code=language) | (Q(id__in=originals) & ~Q(translation_key__in=translated))
    )


class TopicQuerySet(models.QuerySet):
    def for_reader(self):
        """The topics a reader chooses from: in their language, or the original where not translated yet."""
        return in_reader_language_or_original(self)


class Topic(TranslatableMixin, index.Indexed, models.Model):
    """The shared taxonomy of every content app: e-government, open data, mobility, …

    Translatable (wagtail-localize): a translation is another row with the same ``translation_key``. Pages keep the
    topics they were tagged with in any language; a facet matches a topic by its translation key, so the French
    "Données ouvertes" finds the pages tagged "Open data" and the other way round (core.facets)."""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(_("slug"), max_length=80)
    description = models.TextField(_("description"), blank=True)

    objects = TopicQuerySet.as_manager()

    panels = [FieldPanel("name"), FieldPanel("slug"), FieldPanel("description")]
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta(TranslatableMixin.Meta):
        ordering = ["name"]
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        # One name and one address per language: a translation may keep the English slug.
        constraints = [
            models.UniqueConstraint(fields=["locale", "name"], name="core_topic_name_per_locale"),
            models.UniqueConstraint(fields=["locale", "slug"], name="core_topic_slug_per_locale"),
        ]

    def __str__(self):
        return self.name
