"""What the API shows to whom: exactly what the site's pages show. Without a token, live pages without view
restrictions; with a person's token, also the pages restricted to people signed in, or to a group the person is in
(the "Members" group is kept equal to being staff of an active member city, members.services). Never a draft: a
page's row holds what is published. Password-protected pages are for people who have the password, not for the API."""

from django.db.models import Prefetch
from wagtail.models import PageViewRestriction

from core.models import Topic


def visible(pages, user):
    """``pages`` (live) narrowed to what ``user`` may read: three queries with a token, one without."""
    if not user.is_authenticated:
        return pages.public()
    groups = set(user.groups.values_list("pk", flat=True))
    for restriction in PageViewRestriction.objects.select_related("page").prefetch_related("groups"):
        if restriction.restriction_type == PageViewRestriction.LOGIN:
            continue
        if restriction.restriction_type == PageViewRestriction.GROUPS and groups & {
            group.pk for group in restriction.groups.all()
        }:
            continue
        pages = pages.not_descendant_of(restriction.page, inclusive=True)
    return pages


def readable(model, user, *related):
    """Live pages of ``model`` that ``user`` may read, with their locale, topics and ``related`` rows: a constant
    number of queries whatever their number (api.common.PageOut reads them)."""
    return (
        visible(model.objects.live(), user)
        .select_related("locale", *related)
        .prefetch_related(Prefetch("topics", queryset=Topic.objects.only("id", "slug")))
    )
