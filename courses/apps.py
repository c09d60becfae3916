from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CoursesConfig(AppConfig):
    name = "courses"
    verbose_name = _("Courses")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.core import checks
        from wagtail.signals import page_published, post_page_move

        from .checks import check_badge_signing_keys
        from .models import LearningPathPage, ModulePage
        from .models.pages import sync_moved_module

        post_page_move.connect(sync_moved_module, sender=ModulePage, dispatch_uid="courses.sync_moved_module")
        page_published.connect(on_path_published, sender=LearningPathPage, dispatch_uid="courses.path_published")
        checks.register(check_badge_signing_keys)


def on_path_published(sender, instance, **kwargs):
    """Learners who had already completed all the path's courses complete it too (in a task: they may be many)."""
    from core.tasks import enqueue_on_commit

    from .tasks import complete_path_for_those_already_finished

    enqueue_on_commit(complete_path_for_those_already_finished, path_id=instance.pk)
