"""The courses' background work (core.tasks says how tasks are written and enqueued)."""

from django_tasks import task

from . import services
from .models import LearningPathPage


@task()
def complete_path_for_those_already_finished(*, path_id: int):
    """After a path is published: complete it for the learners who had already completed all its courses."""
    path = LearningPathPage.objects.filter(pk=path_id).first()
    if path is None:  # deleted since
        return 0
    return len(services.complete_path_for_those_already_finished(path=path))
