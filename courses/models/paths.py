"""Learning paths: an ordered set of courses with a page of its own and a certificate when all are complete."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.models import Orderable

from core.models.pages import ContentPage


class LearningPathPage(ContentPage):
    """A programme of courses taken in order. Progress is read from the learner's enrolments; completing the last
    course completes the path (courses.services), and the path's certificate is issued then."""

    awards_certificate = models.BooleanField(_("awards a certificate"), default=True)

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel([FieldPanel("awards_certificate")], heading=_("Path facts")),
        InlinePanel("path_courses", heading=_("Courses, in order"), label=_("Course"), min_num=1),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("learning path")
        verbose_name_plural = _("learning paths")

    def get_context(self, request, *args, **kwargs):
        from courses.path_selectors import learning_path_context  # the selectors import the page models

        context = super().get_context(request, *args, **kwargs)
        context.update(learning_path_context(request, self))
        return context


class PathCourse(Orderable):
    """One course of a path, in the path's order. Kept against the original course: readers see the course in
    their language (matched by translation key)."""

    path = ParentalKey(LearningPathPage, on_delete=models.CASCADE, related_name="path_courses")
    course = models.ForeignKey(
        "courses.CoursePage", verbose_name=_("course"), on_delete=models.PROTECT, related_name="path_memberships"
    )

    panels = [PageChooserPanel("course", "courses.CoursePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("course of a path")
        verbose_name_plural = _("courses of a path")
        constraints = [models.UniqueConstraint(fields=["path", "course"], name="one_place_per_course_in_a_path")]


class PathCompletion(models.Model):
    """A learner completed every course of a path (the original path page). Written once; its certificate hangs
    from it as a course's hangs from the enrolment."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="path_completions")
    path = models.ForeignKey(LearningPathPage, on_delete=models.CASCADE, related_name="completions")
    completed_at = models.DateTimeField(_("completed"), default=timezone.now)

    class Meta:
        verbose_name = _("learning path completed")
        verbose_name_plural = _("learning paths completed")
        constraints = [models.UniqueConstraint(fields=["user", "path"], name="one_completion_per_path")]

    def __str__(self):
        return f"{self.user} – {self.path}"
