from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import demo
from .models import Organisation


class OrganisationViewSet(SnippetViewSet):
    model = Organisation
    icon = "group"
    menu_label = _("Organisations")
    menu_order = 200
    add_to_admin_menu = True
    list_display = ["name", "city", "country", "region", "kind", "status", "year_joined"]
    list_filter = ["region", "kind", "status"]
    search_fields = ["name", "city"]
    list_export = ["name", "slug", "city", "country", "region", "kind", "status", "year_joined", "website"]
    export_filename = "organisations"
    ordering = ["name"]


register_snippet(OrganisationViewSet)


@hooks.register("register_demo_seeder", order=10)
def seed_organisations(progress):
    """Member organisations (101 real cities, marked as demo data)"""
    demo.seed_organisations(progress)


@hooks.register("register_demo_seeder", order=11)
def seed_people(progress):
    """People: the secretariat admin, a consultant and city staff"""
    demo.seed_people(progress)
