from django.urls import reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core.sections import Card, Section

from . import peer_data, selectors
from .models import ConversationReport, PeerProfile

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


@hooks.register("register_case_contact")
def write_to_the_case_contact(request, case):
    """A link on the case page (the same for every reader, so the page stays cacheable): write to the case's contact
    through the hub; a visitor is sent to sign in first."""
    if not case.contact_email:
        return None
    return (gettext("Write to the contact through WeGo Hub"), f"{reverse('community:new_conversation')}?case={case.pk}")


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


register_snippet(ConversationReportViewSet)
