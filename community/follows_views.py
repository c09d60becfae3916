"""/community/following/ (what I follow, how often the digest comes) and the "Follow this city" button."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST

from members.models import Organisation

from . import follows
from .follows_forms import FollowingForm


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def following(request):
    topics, cities = follows.topics_to_choose(), follows.cities_to_choose()
    current = follows.following_of(request.user)
    if request.method == "POST":
        form = FollowingForm(request.POST, topics=topics, cities=cities)
        if form.is_valid():
            topic_keys, organisation_ids, frequency = form.choices()
            follows.set_following(
                user=request.user, topic_keys=topic_keys, organisation_ids=organisation_ids, frequency=frequency
            )
            messages.success(request, _("Your choices are saved."))
            return redirect("community:following")
        status = 400
    else:
        form = FollowingForm(topics=topics, cities=cities, following=current)
        status = 200
    return render(
        request,
        "community/following.html",
        {
            "form": form,
            "following": current,
            "topic_count": len(current.topic_keys),
            "city_count": len(current.organisation_ids),
        },
        status=status,
    )


@never_cache
@login_required
@require_POST
def follow_city(request, slug):
    """The button on a city's profile."""
    organisation = get_object_or_404(Organisation.objects.active(), slug=slug)
    follows.follow_city(user=request.user, organisation=organisation)
    messages.success(
        request, _("You follow %(city)s: what is new there comes in your digest.") % {"city": organisation.name}
    )
    return redirect(organisation.get_absolute_url())


@never_cache
@login_required
@require_POST
def unfollow_city(request, slug):
    organisation = get_object_or_404(Organisation.objects.active(), slug=slug)
    follows.unfollow_city(user=request.user, organisation=organisation)
    messages.success(request, _("You no longer follow %(city)s.") % {"city": organisation.name})
    return redirect(organisation.get_absolute_url())
