from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, render
from django.views.decorators.http import require_safe

from core.pagination import paginate
from core.sections import collect_sections

from . import selectors
from .forms import DirectoryFilterForm
from .models import Organisation


@require_safe
def directory(request):
    form = DirectoryFilterForm(request.GET or None, countries=selectors.countries_in_directory())
    filters = form.cleaned_data if form.is_valid() else {}
    organisations = selectors.directory(region=filters.get("region", ""), country=filters.get("country", ""))
    page = paginate(request, organisations, 24)
    return render(
        request,
        "members/directory.html",
        {
            "form": form,
            "organisations": page,
            "total": page.paginator.count,
            "organisation_count": sum(selectors.counts_by_kind().values()),
            "member_city_kind": Organisation.Kind.MEMBER_CITY,
        },
    )


@require_safe
def organisation_detail(request, slug):
    organisation = get_object_or_404(Organisation.objects.active(), slug=slug)
    return render(request, "members/organisation_detail.html", {"organisation": organisation})


@login_required
@require_safe
def me(request):
    return render(request, "members/me.html", {"sections": collect_sections("register_me_section", request)})
