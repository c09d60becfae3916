"""The organisers' registration desk in the Wagtail admin: counts, filters, exports and check-in."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.forms import parse_id

from . import exports, selectors, services
from .exceptions import RegistrationError
from .models import EventPage, Registration


class RegistrationFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=gettext_lazy("Status"), required=False, choices=[("", gettext_lazy("Any")), *Registration.Status.choices]
    )
    mode = forms.ChoiceField(
        label=gettext_lazy("Attends"), required=False, choices=[("", gettext_lazy("Any")), *Registration.Mode.choices]
    )
    city = forms.CharField(label=gettext_lazy("Member city contains"), required=False, max_length=100)


def editable_event(request, event_id):
    event = get_object_or_404(EventPage, id=event_id)
    if not event.permissions_for_user(request.user).can_edit():
        raise PermissionDenied
    return event


def registrations(request, event_id):
    event = editable_event(request, event_id)
    if request.method == "POST":
        return _check_in(request, event)
    form = RegistrationFilterForm(request.GET or None)
    form.is_valid()
    filters = getattr(form, "cleaned_data", {})
    # The desk of any translation of the event shows the one list (registrations belong to the original).
    listing = selectors.of_event(event).select_related("user", "organisation")
    if filters.get("status"):
        listing = listing.filter(status=filters["status"])
    if filters.get("mode"):
        listing = listing.filter(mode=filters["mode"])
    if filters.get("city"):
        listing = listing.filter(organisation__name__icontains=filters["city"])
    listing = listing.order_by("status", "queued_at", "id")
    export = request.GET.get("export")
    filename = f"{slugify(event.slug) or 'event'}-registrations"
    if export == "csv":
        return exports.csv_response(event, listing, filename)
    if export == "xlsx":
        return exports.xlsx_response(event, listing, filename)
    context = {"event": event, "form": form, "registrations": listing, **selectors.registration_summary(event)}
    return TemplateResponse(request, "events/admin/registrations.html", context)


def _check_in(request, event):
    registration_id = parse_id(request.POST.get("registration", ""))
    if registration_id is None:
        messages.error(request, _("That request was not understood."))
        return redirect(request.get_full_path())
    registration = get_object_or_404(selectors.of_event(event), id=registration_id)
    attended = request.POST.get("attended") == "1"
    try:
        services.check_in(registration=registration, attended=attended)
    except RegistrationError as error:
        messages.error(request, error.message)
    else:
        if attended:
            messages.success(request, _("%(name)s is checked in.") % {"name": registration.user})
        else:
            messages.success(request, _("Check-in undone for %(name)s.") % {"name": registration.user})
    return redirect(request.get_full_path())
