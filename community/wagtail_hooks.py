from django.urls import reverse
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.sections import Card, Section

from . import follows, peer_data, selectors
from .models import ConversationReport, DigestFrequency, PeerProfile

# --- Peers: profiles, find a peer, messages ------------------------------------------------------


@hooks.register("register_me_section")
def peers_section(request):
    """On /me/: the person's member profile (shown or not), Find a peer, and their messages (two queries)."""
    user = request.user
    profile = PeerProfile.objects.filter(user=user).only("is_published").first()
    shown = bool(profile and profile.is_published)
    unread = selectors.unread_count(user)
    messages_label = gettext("Messages (%(count)s new)") % {"count": unread} if unread else gettext("Messages")
    return Section(
        key="peers",
        title=gettext("Peers across cities"),
        cards=[
            Card(
                title=gettext("My member profile"),
                url=reverse("community:profile"),
                summary=gettext("Shown to other members of member cities.")
                if shown
                else gettext("Not shown to anyone. Publish it so that peers in other cities can find you."),
                action_url=reverse("community:profile"),
                action_label=gettext("Edit my profile"),
                links=(
                    (reverse("community:peers"), gettext("Find a peer")),
                    (reverse("community:inbox"), messages_label),
                ),
            )
        ],
        order=60,
    )


@hooks.register("register_personal_data")
def my_profile_and_messages(user):
    return "peers", peer_data.export(user)


@hooks.register("register_account_deletion")
def forget_my_profile_and_messages(user):
    peer_data.forget(user)


@hooks.register("register_page_contact")
def write_to_the_contact(request, page):
    """A link on a case's or a toolkit's page (the same for every reader, so the page stays cacheable): write to its
    contact through the hub; a visitor is sent to sign in first."""
    if not page.contact_email:
        return None
    return (gettext("Write to the contact through WeGo Hub"), f"{reverse('community:new_conversation')}?page={page.pk}")


class ConversationReportViewSet(SnippetViewSet):
    model = ConversationReport
    icon = "warning"
    menu_label = _("Reported conversations")
    menu_name = "reported-conversations"
    menu_order = 290
    add_to_admin_menu = True
    list_display = ["conversation", "sender", "reporter", "reason", "created_at", "handled"]
    list_filter = ["handled"]
    search_fields = ["reason", "conversation__subject"]
    ordering = ["handled", "-created_at"]


class ConversationReportPolicy(ModelPermissionPolicy):
    """Reports come from the people who received a message; the secretariat handles them, never makes one up."""

    def user_has_permission(self, user, action):
        return action != "add" and super().user_has_permission(user, action)


register_permission_policy(ConversationReport, ConversationReportPolicy(ConversationReport))
register_snippet(ConversationReportViewSet)


# --- Following topics and cities, and the digest ---------------------------------------------------------------


@hooks.register("register_me_section")
def following_section(request):
    """What the person follows, on /me/, with the way to the Following page: three queries."""
    current = follows.following_of(request.user)
    if current.is_empty:
        text = gettext("Follow topics and cities to get a digest by email of what is new in them.")
    else:
        topics = ngettext("%(count)s topic", "%(count)s topics", len(current.topic_keys)) % {
            "count": len(current.topic_keys)
        }
        cities = ngettext("%(count)s city", "%(count)s cities", len(current.organisation_ids)) % {
            "count": len(current.organisation_ids)
        }
        words = {"topics": topics, "cities": cities}
        if current.frequency == DigestFrequency.OFF:
            text = gettext("You follow %(topics)s and %(cities)s. Your digest is off.") % words
        elif current.frequency == DigestFrequency.DAILY:
            text = gettext("You follow %(topics)s and %(cities)s, with a daily digest.") % words
        else:
            text = gettext("You follow %(topics)s and %(cities)s, with a weekly digest.") % words
    return Section(
        key="following",
        title=gettext("Following"),
        empty_text=text,
        more_url=reverse("community:following"),
        more_label=gettext("Choose what you follow"),
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
        text = gettext(
            "You follow %(city)s: its new cases, the events it hosts and the toolkits it writes come in your digest."
        ) % {"city": organisation.name}
    else:
        text = gettext("Get the new cases, events and toolkits of %(city)s in your digest by email.") % {
            "city": organisation.name
        }
    return Section(
        key="follow-city",
        title=gettext("Follow this city"),
        empty_text=text,
        form_url=reverse(
            "community:unfollow_city" if following else "community:follow_city", kwargs={"slug": organisation.slug}
        ),
        form_label=gettext("Stop following") if following else gettext("Follow this city"),
        order=5,
    )


@hooks.register("register_personal_data")
def following_data(user):
    return ("following", follows.personal_data(user))


@hooks.register("register_account_deletion")
def forget_following(user):
    follows.forget(user)


@hooks.register("register_demo_seeder", order=70)  # after the consultations' people (60)
def seed_community(progress):
    """Member profiles of a few city staff, and what the demo member follows"""
    from . import demo

    demo.seed(progress)
