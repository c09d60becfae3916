from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

from core.i18n import language_path

register = template.Library()


def main_nav_items():
    # The URLs are part of the platform's stable contract (ARCHITECTURE.md §7).
    return [
        (language_path("/courses/"), _("Courses")),
        (language_path("/toolkits/"), _("Toolkits")),
        (language_path("/cases/"), _("Case library")),
        (language_path("/events/"), _("Events")),
        (language_path("/consultations/"), _("Consultations")),
        (reverse("members:directory"), _("Members")),
    ]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    path = request.path if request else ""
    return {"items": [{"url": url, "label": label, "current": path.startswith(url)} for url, label in main_nav_items()]}
