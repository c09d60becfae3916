"""sitemap.xml in every language: the pages written in each one (translations, not the aliases that stand in for
untranslated pages, which point to their original with rel="canonical")."""

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PagesInEveryLanguage(Sitemap):
    def items(self):
        root = self.get_wagtail_site().root_page
        in_a_tree = Q()
        for each in root.get_translations(inclusive=True):
            in_a_tree |= Q(path__startswith=each.path)
        return (
            Page.objects.filter(in_a_tree, alias_of__isnull=True)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
