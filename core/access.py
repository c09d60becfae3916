"""Content that Wagtail's privacy restricts to groups: pages (``PageViewRestriction``) and document collections
(``CollectionViewRestriction``), such as everything restricted to the "Members" group.

Wagtail answers every refused login or group restriction with a redirect to the sign-in page. For a person who is
signed in already that is a loop: allauth sends an authenticated visitor of the sign-in page straight back to
``next``, which redirects to sign in again. So core answers first, once, for every page and document:

- signed out: nothing here; Wagtail's own redirect to sign in, returning to the page or document;
- signed in but in none of the groups a restriction asks for: a 403 page that says why (never cached);
- password restrictions stay Wagtail's (its password form).

What to say about a group belongs to the app that knows it (core knows no "Members"): an app registers the
``register_restriction_help`` hook, ``fn(request, target, groups)`` where ``target`` is the page or document and
``groups`` the groups the refused restrictions accept, returning a ``RestrictionHelp`` or ``None``. Without any, the
page says so in general terms.
"""

from dataclasses import dataclass

from django.shortcuts import render
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.translation import gettext as _
from wagtail import hooks
from wagtail.models import BaseViewRestriction, Page

HOOK_NAME = "register_restriction_help"


@dataclass(frozen=True)
class Link:
    url: str
    label: str


@dataclass(frozen=True)
class RestrictionHelp:
    """An app's explanation of a refused group restriction: paragraphs and links, shown in ``order``."""

    key: str
    paragraphs: tuple[str, ...] = ()
    links: tuple[Link, ...] = ()
    order: int = 100


def refused_groups(restrictions, request):
    """The groups of the group restrictions this request fails; empty when none refuses it."""
    groups = {}
    for restriction in restrictions:
        if restriction.restriction_type == BaseViewRestriction.GROUPS and not restriction.accept_request(request):
            groups.update((group.pk, group) for group in restriction.groups.all())
    return sorted(groups.values(), key=lambda group: group.name)


def explain_refusal(request, target, groups):
    """The 403 page for a signed-in person outside the groups: why, and what they can do (from the hooks)."""
    helps = [help for fn in hooks.get_hooks(HOOK_NAME) if (help := fn(request, target, groups)) is not None]
    helps.sort(key=lambda help: (help.order, help.key))
    paragraphs = [paragraph for help in helps for paragraph in help.paragraphs]
    links = [link for help in helps for link in help.links]
    if not paragraphs:
        paragraphs = [_("It is open only to some groups of people, and your account is not in them.")]
    if isinstance(target, Page):
        heading = _("This page is not open to your account")
    else:
        heading = _("This document is not open to your account")
    context = {
        "heading": heading,
        "message": paragraphs[0],
        "details": paragraphs[1:],
        "links": links,
    }
    response = render(request, "core/refusal.html", context, status=403)
    add_never_cache_headers(response)  # about this person: never in a shared cache
    patch_vary_headers(response, ("Cookie",))
    return response


class RestrictionsReadOnceWhileServing:
    """A page mixin: the view restrictions read for a signed-in person by ``refuse_restricted_page`` are the ones
    Wagtail's own check reads next (two queries each time otherwise). Only the page object being served keeps them:
    any other caller (the admin, copying, aliasing) reads them afresh."""

    def get_view_restrictions(self):
        kept = self.__dict__.get("_restrictions_while_serving")
        return super().get_view_restrictions() if kept is None else kept


def refuse_restricted_page(page, request):
    """before_serve_page: the 403 explanation, or None to let Wagtail serve (or redirect a signed-out visitor)."""
    if not request.user.is_authenticated:  # no query: a signed-out visit costs nothing more
        return None
    restrictions = list(page.get_view_restrictions())
    if isinstance(page, RestrictionsReadOnceWhileServing):
        page._restrictions_while_serving = restrictions  # for Wagtail's check, next in this request
    groups = refused_groups(restrictions, request)
    return explain_refusal(request, page, groups) if groups else None


def refuse_restricted_document(document, request):
    """before_serve_document: the same for a document in a restricted collection."""
    if not request.user.is_authenticated:
        return None
    groups = refused_groups(document.collection.get_view_restrictions(), request)
    return explain_refusal(request, document, groups) if groups else None
