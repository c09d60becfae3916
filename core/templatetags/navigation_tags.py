from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


def main_nav_items():
    # The URLs are part of the platform's stable contract (ARCHITECTURE.md §7).
    return [
        ("/courses/", _("Courses")),
        ("/toolkits/", _("Toolkits")),
        ("/cases/", _("Case library")),
        ("/events/", _("Events")),
        (reverse("members:directory"), _("Members")),
    ]


@register.inclusion_tag("includes/main_nav.html", takes_context=True)
def main_nav(context):
    request = context.get("request")
    path = request.path if request else ""
    return {"items": [{"url": url, "label": label, "current": path.startswith(url)} for url, label in main_nav_items()]}
