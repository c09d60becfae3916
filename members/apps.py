from django.apps import AppConfig
from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _


class MembersConfig(AppConfig):
    name = "members"
    verbose_name = _("Members")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from allauth.account.signals import (
            email_confirmed,
            password_changed,
            password_reset,
            password_set,
            user_signed_up,
        )

        from . import signals
        from .models import Organisation

        email_confirmed.connect(signals.on_email_confirmed, dispatch_uid="members_email_confirmed")
        user_signed_up.connect(signals.on_user_signed_up, dispatch_uid="members_user_signed_up")
        for signal, name in ((password_changed, "changed"), (password_reset, "reset"), (password_set, "set")):
            signal.connect(signals.on_password_changed, dispatch_uid=f"members_password_{name}")
        post_save.connect(signals.on_organisation_saved, sender=Organisation, dispatch_uid="members_org_saved")
