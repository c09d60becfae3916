from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail import hooks

from core.sections import Section

from . import follows
from .models import DigestFrequency

# --- Following topics and cities, and the digest ---------------------------------------------------------------


@hooks.register("register_me_section")
def following_section(request):
    """What the person follows, on /me/, with the way to the Following page: three queries."""
    current = follows.following_of(request.user)
    if current.is_empty:
        text = _("Follow topics and cities to get a digest by email of what is new in them.")
    else:
        topics = ngettext("%(count)s topic", "%(count)s topics", len(current.topic_keys)) % {
            "count": len(current.topic_keys)
        }
        cities = ngettext("%(count)s city", "%(count)s cities", len(current.organisation_ids)) % {
            "count": len(current.organisation_ids)
        }
        words = {"topics": topics, "cities": cities}
        if current.frequency == DigestFrequency.OFF:
            text = _("You follow %(topics)s and %(cities)s. Your digest is off.") % words
        elif current.frequency == DigestFrequency.DAILY:
            text = _("You follow %(topics)s and %(cities)s, with a daily digest.") % words
        else:
            text = _("You follow %(topics)s and %(cities)s, with a weekly digest.") % words
    return Section(
        key="following",
        title=_("Following"),
        empty_text=text,
        more_url=reverse("community:following"),
        more_label=_("Choose what you follow"),
        order=90,
    )


@hooks.register("register_organisation_profile_section")
def follow_city_section(request, organisation):
    """ "Follow this city" on a city's profile, for a signed-in person only (a visitor's page stays the same for
    everyone, and cacheable): one query."""
    if not request.user.is_authenticated:
        return None
    following = follows.follows_city(request.user, organisation)
    if following:
        text = _(
            "You follow %(city)s: its new cases, the events it hosts and the toolkits it writes come in your digest."
        ) % {"city": organisation.name}
    else:
        text = _("Get the new cases, events and toolkits of %(city)s in your digest by email.") % {
            "city": organisation.name
        }
    return Section(
        key="follow-city",
        title=_("Follow this city"),
        empty_text=text,
        form_url=reverse(
            "community:unfollow_city" if following else "community:follow_city", kwargs={"slug": organisation.slug}
        ),
        form_label=_("Stop following") if following else _("Follow this city"),
        order=5,
    )


@hooks.register("register_personal_data")
def following_data(user):
    return ("following", follows.personal_data(user))


@hooks.register("register_account_deletion")
def forget_following(user):
    follows.forget(user)
