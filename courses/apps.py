from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks
        from wagtail.signals import post_page_move

        from .checks import check_badge_signing_keys
        from .models import ModulePage
        from .models.pages import sync_moved_module

        post_page_move.connect(sync_moved_module, sender=ModulePage, dispatch_uid="courses.sync_moved_module")
        checks.register(check_badge_signing_keys)
