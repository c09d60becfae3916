"""The digest: new cases, toolkit releases, courses and events in the topics and cities a person follows, one email
per person per period (weekly by default, daily if they chose it), in their language.

Community never imports the content apps (ARCHITECTURE.md 4a). Each of them registers a ``register_digest_items``
hook, called with the language of the recipients active::

    fn(*, since, until, topic_keys, organisation_ids) -> list[dict]

``topic_keys`` are topics' translation keys (str) and ``organisation_ids`` organisations' ids: what any of the
recipients follows. The hook returns what was published in ``[since, until)`` and carries one of those topics or
belongs to one of those organisations, live and public, each thing once (its original, shown in the active
language), in a constant number of queries whatever their number. Each item is a dict:

    key               str, unique for the thing ("case:<translation key>"): a thing is never listed twice
    kind, heading     the group it is listed under ("cases") and its translated heading ("New cases")
    title, url        in the active language; url as ``page.get_full_url(site_paths)`` gives it, with one object
                      for every page (``types.SimpleNamespace()``) on which Wagtail keeps the site's root paths, so
                      they are read once; made absolute on PUBLIC_URL here
    date              an aware datetime: when it was published (or released)
    meta              a short line under the title ("Seoul, Republic of Korea", "Version 2.1"), or ""
    topic_keys        set of str: the thing's topics' translation keys
    organisation_ids  set of int: the organisations it belongs to (a case's city, an event's host, …)

The task calls each hook once per language (not per person) with what all that language's recipients follow, then
picks each person's items in Python: the number of queries does not grow with people, follows or items.

Nothing is sent twice: a ``DigestSent`` row per person and period (unique), written in the same transaction as the
email into the outbox, so a second run (or two at once) finds it and writes nothing. Nobody gets an empty digest.
"""

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from allauth.account.models import EmailAddress
from django.conf import settings
from django.core import signing
from django.core.mail import EmailMultiAlternatives
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Q, Subquery
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail import hooks

from core.public_url import absolute_url, public_url, rebase
from members.models import User

from .models import CityFollow, DigestFrequency, DigestSent, DigestSettings, TopicFollow

HOOK = "register_digest_items"
PERIOD_LENGTH = {DigestFrequency.WEEKLY: dt.timedelta(days=7), DigestFrequency.DAILY: dt.timedelta(days=1)}
# Each window starts a day before the last digest ended (a release is dated by the day, not the minute, so one entered
# later on the day of the last digest is not missed); what the last digest listed is left out by its keys.
OVERLAP = dt.timedelta(days=1)
LONGEST_WINDOW = max(PERIOD_LENGTH.values()) + OVERLAP

UNSUBSCRIBE_SALT = "community.digest.unsubscribe"
# An old digest's link still works for half a year; after that the person turns the digest off on the Following page.
UNSUBSCRIBE_MAX_AGE = dt.timedelta(days=183)


def period_of(frequency, now):
    """The period a digest sent at ``now`` belongs to: the ISO week ("2026-W49") or the day ("2026-12-05")."""
    local = timezone.localtime(now)
    if frequency == DigestFrequency.DAILY:
        return local.date().isoformat()
    year, week, _weekday = local.isocalendar()
    return f"{year}-W{week:02d}"


# --- The unsubscribe link --------------------------------------------------------------------------------------


def unsubscribe_token(user):
    return signing.dumps({"user": user.pk}, salt=UNSUBSCRIBE_SALT, compress=True)


class BadToken(Exception):
    def __init__(self, expired=False):
        super().__init__("expired" if expired else "invalid")
        self.expired = expired


def user_from_token(token):
    """The person an unsubscribe token was made for; ``BadToken`` if it was changed, or is too old."""
    try:
        data = signing.loads(token, salt=UNSUBSCRIBE_SALT, max_age=UNSUBSCRIBE_MAX_AGE)
    except signing.SignatureExpired as error:
        raise BadToken(expired=True) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise BadToken() from error
    user_id = data.get("user") if isinstance(data, dict) else None
    user = User.objects.filter(pk=user_id).first() if isinstance(user_id, int) else None
    if user is None:
        raise BadToken()
    return user


def unsubscribe_url(user):
    """The link in the recipient's language (call with it active), on the public address."""
    return absolute_url(reverse("community:unsubscribe", kwargs={"token": unsubscribe_token(user)}))


# --- Who is due, and what they get -----------------------------------------------------------------------------


@dataclass
class Recipient:
    user: User
    frequency: str
    period: str
    since: dt.datetime
    already_listed: frozenset
    topic_keys: set
    organisation_ids: set


def due_recipients(now):
    """Everyone whose digest for the current period has not gone yet: active, with a verified address, the digest on,
    following something. Four queries, whatever their number."""
    periods = {frequency: period_of(frequency, now) for frequency in PERIOD_LENGTH}
    sent_this_period = Q()
    for frequency, period in periods.items():
        sent = DigestSent.objects.filter(user=OuterRef("user"), period=period)
        sent_this_period |= Q(frequency=frequency) & Exists(sent)
    verified = EmailAddress.objects.filter(user=OuterRef("user"), primary=True, verified=True)  # the one we write to
    follows = Exists(TopicFollow.objects.filter(user=OuterRef("user"))) | Exists(
        CityFollow.objects.filter(user=OuterRef("user"))
    )
    latest = DigestSent.objects.filter(user=OuterRef("user")).order_by("-covered_until")
    rows = (
        DigestSettings.objects.filter(frequency__in=list(PERIOD_LENGTH), user__is_active=True)
        .filter(Exists(verified))
        .filter(follows)
        .exclude(sent_this_period)
        .annotate(
            last_until=Subquery(latest.values("covered_until")[:1]),
            last_keys=Subquery(latest.values("item_keys")[:1]),
        )
        .select_related("user")
        .order_by("user_id")
    )
    recipients = {}
    for row in rows:
        # From the last digest on (what it listed is left out by key), else one period back; never further back than
        # the longest window (a scheduler that stopped for a month does not send a month at once).
        since = row.last_until - OVERLAP if row.last_until is not None else now - PERIOD_LENGTH[row.frequency]
        since = max(since, now - LONGEST_WINDOW)
        recipients[row.user_id] = Recipient(
            user=row.user,
            frequency=row.frequency,
            period=periods[row.frequency],
            since=since,
            already_listed=frozenset(_keys(row.last_keys)),
            topic_keys=set(),
            organisation_ids=set(),
        )
    if recipients:
        ids = list(recipients)
        topics = TopicFollow.objects.filter(user_id__in=ids).values_list("user_id", "topic__translation_key")
        for user_id, key in topics:
            recipients[user_id].topic_keys.add(str(key))
        for user_id, pk in CityFollow.objects.filter(user_id__in=ids).values_list("user_id", "organisation_id"):
            recipients[user_id].organisation_ids.add(pk)
    return list(recipients.values())


def _keys(value):
    """A JSON list of keys as the database hands it back through a subquery (a string on some backends)."""
    if isinstance(value, str):
        import json

        try:
            value = json.loads(value)
        except ValueError:
            return []
    return [key for key in value or [] if isinstance(key, str)]


def collect_items(*, since, until, topic_keys, organisation_ids):
    """Every app's items for these follows, in the active language, newest first, each thing once."""
    items, seen = [], set()
    if not (topic_keys or organisation_ids):
        return items
    for fn in hooks.get_hooks(HOOK):
        for item in fn(since=since, until=until, topic_keys=set(topic_keys), organisation_ids=set(organisation_ids)):
            if item["key"] not in seen:
                seen.add(item["key"])
                items.append(item)
    items.sort(key=lambda item: item["date"], reverse=True)
    return items


def items_for(recipient, items, until):
    return [
        item
        for item in items
        if recipient.since <= item["date"] < until
        and item["key"] not in recipient.already_listed
        and (item["topic_keys"] & recipient.topic_keys or item["organisation_ids"] & recipient.organisation_ids)
    ]


def _absolute(url):
    if not url:
        return public_url() + "/"
    return absolute_url(url) if url.startswith("/") else rebase(url)


def grouped(items):
    """[(heading, [item, …]), …] in the order the kinds first appear (newest first)."""
    groups = defaultdict(list)
    headings = {}
    for item in items:
        headings.setdefault(item["kind"], item["heading"])
        groups[item["kind"]].append({**item, "url": _absolute(item["url"])})
    return [(headings[kind], groups[kind]) for kind in headings]


# --- Sending -------------------------------------------------------------------------------------------------------


def send_digests(*, now=None) -> int:
    """Write the digest of everyone due into the outbox, each once per period. Returns how many were written.

    Safe to run any number of times, also two at once: the unique row per person and period decides."""
    now = now or timezone.now()
    by_language = defaultdict(list)
    for recipient in due_recipients(now):
        by_language[recipient.user.preferred_language or settings.LANGUAGE_CODE].append(recipient)
    written = 0
    for language, recipients in sorted(by_language.items()):
        with translation.override(language):
            items = collect_items(
                since=now - LONGEST_WINDOW,
                until=now,
                topic_keys=set().union(*(r.topic_keys for r in recipients)),
                organisation_ids=set().union(*(r.organisation_ids for r in recipients)),
            )
            for recipient in recipients:
                theirs = items_for(recipient, items, now)
                if theirs and _send_once(recipient, theirs, now, language):
                    written += 1
    return written


def _send_once(recipient, items, now, language):
    try:
        with transaction.atomic():  # the row and the email in the outbox, or neither
            DigestSent.objects.create(
                user=recipient.user,
                period=recipient.period,
                covered_until=now,
                sent_at=now,
                item_keys=[item["key"] for item in items],
            )
            _write_email(recipient, items, language)
    except IntegrityError:  # another run wrote this person's digest for the period first
        return False
    return True


def _write_email(recipient, items, language):
    user = recipient.user
    link = unsubscribe_url(user)
    context = {
        "site_name": settings.WAGTAIL_SITE_NAME,
        "user": user,
        "frequency": recipient.frequency,
        "groups": grouped(items),
        "count": len(items),
        "following_url": absolute_url(reverse("community:following")),
        "unsubscribe_url": link,
    }
    subject = " ".join(render_to_string("community/digest_email_subject.txt", context, using="text").split())
    text = render_to_string("community/digest_email_body.txt", context, using="text")
    html = render_to_string("community/digest_email_body.html", context)
    # RFC 2369 and RFC 8058: mail programs show their own "Unsubscribe" and POST to the link, in one click.
    headers = {"List-Unsubscribe": f"<{link}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}
    message = EmailMultiAlternatives(subject, text, settings.DEFAULT_FROM_EMAIL, [user.email], headers=headers)
    message.attach_alternative(html, "text/html")
    message.send()
