"""allauth, speaking as the hub: its emails carry the site's name and links on the one public address."""

from dataclasses import dataclass

from allauth.account.adapter import DefaultAccountAdapter
from django.conf import settings

from core.public_url import public_host, rebase

# The links allauth builds from the request's host before it sends (confirmation, password reset, sign-up).
LINKS_IN_CONTEXT = ("activate_url", "password_reset_url", "signup_url")


@dataclass(frozen=True)
class PublicSite:
    """What allauth's templates read as ``current_site``: "Hello from WeGo Hub!" … "hub.example.org"."""

    name: str
    domain: str


class AccountAdapter(DefaultAccountAdapter):
    def send_mail(self, template_prefix, email, context):
        context = {
            **context,
            "current_site": PublicSite(name=settings.WAGTAIL_SITE_NAME, domain=public_host()),
            **{key: rebase(context[key]) for key in LINKS_IN_CONTEXT if context.get(key)},
        }
        super().send_mail(template_prefix, email, context)
