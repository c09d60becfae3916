"""Thin views: the library page and its open-data exports."""

import json
from urllib.parse import urlencode

from django.contrib import messages
from django.http import HttpResponse, HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from core import maps
from core import views as core_views
from core.emails import absolute_url
from core.exceptions import UserFacingError
from core.exports import csv_response
from core.forms import parse_id
from core.listings import link_cards, rendered_listing

from . import review, selectors

# The open-data columns, in order. Documented in docs/cases.md; add at the end, never rename or reorder.
EXPORT_COLUMNS = [
    "id",
    "title",
    "url",
    "kind",
    "stage",
    "city",
    "country",
    "region",
    "member_organisation",
    "start_year",
    "end_year",
    "budget_band",
    "budget_amount",
    "budget_currency",
    "funding_model",
    "topics",
    "technologies",
    "partners",
    "summary",
    "first_published_at",
]


def library(request, index):
    cases = selectors.library_cases(index)  # Wagtail's .public(): read once for the request
    version = selectors.library_version(index, cases)

    def render(query):
        context = selectors.library_context(request, index, query, cases, version)
        link_cards(context["items"], index, request)
        return render_to_string("cases/case_library.html", {"page": index, **context}, request)

    # The filters and cards are the same for every reader: rendered once per version of the library (core.listings).
    catalogue = rendered_listing(
        request, namespace="cases", version=version, index_page=index, names=selectors.LIBRARY_PARAMETERS, render=render
    )
    # The map of the whole library (core.maps, from cases' register_map_points): unfolded until a filter is chosen.
    # The same for every reader too, so kept with the same version of the library.
    unfolded = not request.GET
    world_map = rendered_listing(
        request,
        namespace="cases-map" if unfolded else "cases-map-folded",
        version=version,
        index_page=index,
        names=(),
        render=lambda _query: maps.world_map(request, "cases", index, open_=unfolded),
    )
    return TemplateResponse(
        request,
        "cases/case_index_page.html",
        {**Page.get_context(index, request), "catalogue": catalogue, "world_map": world_map},
    )


def export_rows(request, index):
    public_cases = selectors.library_cases(index)
    _, filters = selectors.library_filters(request.GET, index, cases=public_cases)
    cases = (
        selectors.filtered_cases(index, filters, public_cases)
        .select_related("organisation")
        .prefetch_related("topics", "tagged_technologies__tag")
    )
    for case in cases:
        yield {
            "id": case.id,
            "title": case.title,
            "url": absolute_url(case.get_url(request) or ""),
            "kind": case.kind,
            "stage": case.stage,
            "city": case.city,
            "country": str(case.country or ""),
            "region": case.region,
            "member_organisation": case.organisation.name if case.organisation else "",
            "start_year": case.start_year,
            "end_year": case.end_year,
            "budget_band": case.budget_band,
            "budget_amount": int(case.budget_amount) if case.budget_amount is not None else None,
            "budget_currency": case.budget_currency,
            "funding_model": case.funding_model,
            "topics": [topic.slug for topic in case.topics.all()],
            "technologies": sorted(item.tag.name for item in case.tagged_technologies.all()),
            "partners": [line.strip() for line in case.partners.splitlines() if line.strip()],
            "summary": case.summary,
            "first_published_at": case.first_published_at.isoformat() if case.first_published_at else None,
        }


def export(request, index, fmt):
    rows = list(export_rows(request, index))
    if fmt == "json":
        body = json.dumps({"columns": EXPORT_COLUMNS, "cases": rows}, ensure_ascii=False, indent=1)
        response = HttpResponse(body, content_type="application/json; charset=utf-8")
        response["Content-Disposition"] = 'attachment; filename="wego-cases.json"'
        return response
    table = ([_csv_value(row[column]) for column in EXPORT_COLUMNS] for row in rows)
    return csv_response(EXPORT_COLUMNS, table, "wego-cases")


def _csv_value(value):
    return "; ".join(value) if isinstance(value, list) else value


@never_cache
def sign_off(request, index):
    """A focal point reads the cases their city is asked to endorse, and signs off or asks for changes."""
    if not request.user.is_authenticated:
        return redirect(f"{reverse('account_login')}?{urlencode({'next': request.path})}")
    if request.method == "POST":
        task_state_id, decision = parse_id(request.POST.get("task_state", "")), request.POST.get("decision", "")
        if task_state_id is None or decision not in ("approve", "reject"):
            error = UserFacingError(_("That request was not understood."))
            return core_views.refuse(request, error, back_url=request.path, back_label=_("Back"))
        comment = request.POST.get("comment", "")[:2000]
        if decision == "reject" and not comment.strip():
            messages.error(request, _("Say what should change, so the author knows what to do."))
            return redirect(request.path)
        try:
            review.decide_sign_off(
                task_state_id=task_state_id, user=request.user, approve=decision == "approve", comment=comment
            )
        except UserFacingError as error:
            return core_views.refuse(request, error, back_url=request.path, back_label=_("Back to the sign-offs"))
        messages.success(request, _("Signed off.") if decision == "approve" else _("Changes requested."))
        return redirect(request.path)
    if request.method != "GET":
        return HttpResponseNotAllowed(["GET", "POST"])
    context = {**Page.get_context(index, request), "awaiting": review.awaiting_sign_off(request.user)}
    return TemplateResponse(request, "cases/sign_off.html", context)
