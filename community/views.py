"""Profiles, "Find a peer" and Messages: every page is for one signed-in person, never cached, and checks on the
server who may see or do what (members.services.qualifies_as_member decides who is a member)."""

import functools

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods, require_POST, require_safe

from core.access import Link
from core.forms import parse_id
from core.pagination import paginate
from members.services import qualifies_as_member

from . import contact_pages, selectors, services
from .forms import MessageForm, PeerFilterForm, ProfileForm, RecipientForm, ReplyForm, ReportForm
from .messaging_errors import MessagingError, NotYourself
from .models import Conversation

PEERS_PER_PAGE = 20
CONVERSATIONS_PER_PAGE = 20


def refusal(request, message, *, status=403, details=()):
    links = [
        Link(reverse("members:me") + "#membership-heading", _("My organisation: ask to join your city")),
        Link(reverse("members:directory"), _("The member directory: is your city a member?")),
    ]
    context = {"heading": _("This page is for members"), "message": message, "details": details, "links": links}
    response = render(request, "core/refusal.html", context, status=status)
    patch_vary_headers(response, ("Cookie",))
    return response


def members_only(view):
    """Signed out: to sign in and back. Signed in but not a member of an active city: a 403 page that says why."""

    @functools.wraps(view)
    @never_cache
    @login_required
    def wrapper(request, *args, **kwargs):
        if not qualifies_as_member(request.user):
            return refusal(
                request,
                _("Find a peer and messages are for staff of member cities once their city has approved them."),
                details=[_("Ask to join your city from My hub: its focal point approves its staff.")],
            )
        return view(request, *args, **kwargs)

    return wrapper


# --- My profile ----------------------------------------------------------------------------------


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def edit_profile(request):
    user = request.user
    topics = selectors.reader_topics()
    profile = services.profile_of(user)
    chosen_keys = {topic.translation_key for topic in profile.topics.all()} if profile.pk else set()
    initial = {
        "published": profile.is_published,
        "job_title": user.job_title,
        "department": user.department,
        "topics": [topic.pk for topic in topics if topic.translation_key in chosen_keys],
        "languages": profile.language_codes,
        "bio": profile.bio,
    }
    form = ProfileForm(request.POST or None, initial=initial, topics=topics)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        services.save_profile(
            user=user,
            published=data["published"],
            job_title=data["job_title"],
            department=data["department"],
            topics=data["topics"],
            languages=data["languages"],
            bio=data["bio"],
        )
        if data["published"]:
            messages.success(request, _("Your profile is saved and shown to other members."))
        else:
            messages.success(request, _("Your profile is saved. It is not shown to anyone."))
        return redirect("community:profile")
    return render(
        request,
        "community/profile_form.html",
        {
            "form": form,
            "profile": profile,
            "is_member": qualifies_as_member(user),
            "membership": getattr(user, "membership", None),
        },
    )


# --- Find a peer ---------------------------------------------------------------------------------


@members_only
@require_safe
def peers(request):
    topics = selectors.reader_topics()
    form = PeerFilterForm(request.GET or None, topics=topics, cities=selectors.cities_with_peers())
    filters = form.filters()
    page = paginate(request, selectors.find_peers(**filters), PEERS_PER_PAGE)
    selectors.with_topic_names(page.object_list, topics)
    return render(
        request,
        "community/peers.html",
        {"form": form, "profiles": page, "total": page.paginator.count, "filtered": any(filters.values())},
    )


@members_only
@require_safe
def peer_detail(request, profile_id):
    profile_id = parse_id(profile_id)
    profile = selectors.visible_profile(profile_id) if profile_id else None
    if profile is None:
        raise Http404
    selectors.with_topic_names([profile], selectors.reader_topics())
    return render(
        request,
        "community/peer_detail.html",
        {
            "profile": profile,
            "organisation": profile.user.membership.organisation,
            "is_self": profile.user_id == request.user.pk,
            "form": MessageForm(),
            "recipient": RecipientForm(initial={"profile": profile.pk}),
        },
    )


# --- Messages ------------------------------------------------------------------------------------


@never_cache
@login_required
@require_safe
def inbox(request):
    page = paginate(request, selectors.conversations_of(request.user), CONVERSATIONS_PER_PAGE)
    rows = [
        {
            "conversation": conversation,
            "other": conversation.other_party_name(request.user),
            "unread": conversation.is_unread_for(request.user),
        }
        for conversation in page.object_list
    ]
    return render(request, "community/inbox.html", {"page": page, "rows": rows})


@members_only
@require_http_methods(["GET", "POST"])
def new_conversation(request):
    recipient_form = RecipientForm(request.POST if request.method == "POST" else request.GET)
    if not recipient_form.is_valid():
        return refusal(request, " ".join(recipient_form.non_field_errors()), status=400)
    profile_id, page_id = recipient_form.cleaned_data["profile_id"], recipient_form.cleaned_data["page_id"]
    try:
        if profile_id is not None:
            profile = services.writable_profile(profile_id)
            recipient_name, page = str(profile.user), None
            if profile.user_id == request.user.pk:
                raise NotYourself
        else:
            page = services.writable_page(page_id)
            recipient_name = page.contact_name or contact_pages.default_contact_name(page)
    except MessagingError as error:
        return refusal(request, str(error.message), status=error.status)
    form = MessageForm(request.POST or None, initial={"subject": page.title[:150] if page else ""})
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            conversation = services.start_conversation(
                sender=request.user,
                profile_id=profile_id,
                page_id=page_id,
                subject=form.cleaned_data["subject"],
                body=form.cleaned_data["body"],
            )
        except MessagingError as error:
            problem = error
        else:
            messages.success(request, _("Your message is sent. You will find the answer here, in Messages."))
            return redirect("community:conversation", conversation_id=conversation.pk)
    response = render(
        request,
        "community/new_conversation.html",
        {
            "form": form,
            "recipient": recipient_form,
            "recipient_name": recipient_name,
            "contact_for": contact_pages.contact_for(page) if page else "",
            "problem": problem.message if problem else None,
        },
        status=problem.status if problem else 200,
    )
    return response


def _conversation_or_404(request, conversation_id):
    conversation_id = parse_id(conversation_id)
    if conversation_id is None:
        raise Http404
    try:
        return services.conversation_for(request.user, conversation_id)
    except MessagingError as error:
        raise Http404 from error


@never_cache
@login_required
@require_http_methods(["GET", "POST"])
def conversation(request, conversation_id):
    conversation = _conversation_or_404(request, conversation_id)
    form = ReplyForm(request.POST or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            services.reply(conversation=conversation, sender=request.user, body=form.cleaned_data["body"])
        except MessagingError as error:
            problem = error
        else:
            messages.success(request, _("Your answer is sent."))
            return redirect("community:conversation", conversation_id=conversation.pk)
    services.mark_read(conversation=conversation, user=request.user)
    return render(
        request,
        "community/conversation.html",
        {
            "conversation": conversation,
            "other": conversation.other_party_name(request.user),
            "thread": selectors.messages_of(conversation),
            "form": form,
            "report_form": ReportForm(),
            "is_recipient": conversation.recipient_id == request.user.pk,
            "problem": problem.message if problem else None,
        },
        status=problem.status if problem else 200,
    )


@never_cache
@login_required
@require_POST
def report(request, conversation_id):
    conversation = _conversation_or_404(request, conversation_id)
    form = ReportForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Shorten the reason to 2,000 characters, then report again."))
        return redirect("community:conversation", conversation_id=conversation.pk)
    try:
        services.report_conversation(
            conversation=conversation,
            by=request.user,
            reason=form.cleaned_data["reason"],
            block=form.cleaned_data["block"],
        )
    except MessagingError as error:
        messages.error(request, error.message)
    else:
        if form.cleaned_data["block"]:
            messages.success(
                request, _("Thank you: the secretariat will look at it. This person cannot write to you any more.")
            )
        else:
            messages.success(request, _("Thank you: the secretariat will look at it."))
    return redirect("community:conversation", conversation_id=conversation.pk)


@never_cache
@login_required
@require_POST
def block(request, conversation_id):
    conversation = _conversation_or_404(request, conversation_id)
    try:
        services.block_sender(conversation=conversation, by=request.user)
    except MessagingError as error:
        messages.error(request, error.message)
    else:
        messages.success(request, _("This person cannot write to you any more."))
    return redirect("community:conversation", conversation_id=conversation.pk)


@never_cache
@require_http_methods(["GET", "POST"])
def contact_reply(request, token):
    """A contact (of a case or a toolkit) without an account answers through their email's secret link, signed out."""
    if not token or len(token) > 64:
        raise Http404
    conversation = (
        Conversation.objects.select_related("starter", "page")
        .filter(reply_token=token, recipient__isnull=True)
        .exclude(contact_email="")
        .first()
    )
    if conversation is None:
        raise Http404
    form = ReplyForm(request.POST or None)
    problem = None
    if request.method == "POST" and form.is_valid():
        try:
            services.reply_as_contact(conversation=conversation, body=form.cleaned_data["body"])
        except MessagingError as error:
            problem = error
        else:
            messages.success(request, _("Your answer is sent."))
            return redirect("community:contact_reply", token=token)
    return render(
        request,
        "community/contact_reply.html",
        {
            "conversation": conversation,
            "thread": selectors.messages_of(conversation),
            "form": form,
            "problem": problem.message if problem else None,
        },
        status=problem.status if problem else 200,
    )
