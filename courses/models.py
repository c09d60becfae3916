from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel

from core.models.pages import ContentPage, IndexPage


class CourseIndexPage(IndexPage):
    subpage_types = ["courses.CoursePage"]

    class Meta:
        verbose_name = _("course catalogue")

    def listing_queryset(self, request):
        return CoursePage.objects.child_of(self).live().public().order_by("title")


class CoursePage(ContentPage):
    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.INTRODUCTORY)
    effort_hours = models.PositiveSmallIntegerField(_("estimated effort (hours)"), default=1)

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel([FieldPanel("level"), FieldPanel("effort_hours")], heading=_("Course facts")),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("course")

    def facts(self):
        return [
            (_("Level"), self.get_level_display()),
            (_("Effort"), _("%(hours)s hours") % {"hours": self.effort_hours}),
        ]
