from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Case library")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from wagtail import signals as wagtail_signals
        from wagtail.models import WorkflowState

        from . import signals

        wagtail_signals.task_submitted.connect(signals.on_task_submitted, dispatch_uid="cases_task_submitted")
        wagtail_signals.task_approved.connect(signals.on_task_decided, dispatch_uid="cases_task_approved")
        wagtail_signals.task_rejected.connect(signals.on_task_decided, dispatch_uid="cases_task_rejected")
        # Take Wagtail's place under its own dispatch_uid: disconnect it if wagtail.admin is ready already; if not
        # (this app comes first in INSTALLED_APPS), Wagtail's later connect with the same uid is a no-op.
        for name, dispatch_uid, notifier in signals.WAGTAIL_NOTIFIERS:
            signal = getattr(wagtail_signals, name)
            signal.disconnect(sender=WorkflowState, dispatch_uid=dispatch_uid)
            signal.connect(notifier, sender=WorkflowState, dispatch_uid=dispatch_uid)
