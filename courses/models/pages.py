from django import forms
from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageViewRestriction
from wagtail.search import index

from core.models.pages import ContentPage, IndexPage, SameAddressInEveryLanguage
from courses.blocks import LessonStreamBlock


class CourseIndexPage(IndexPage):
    subpage_types = ["courses.CoursePage", "courses.LearningPathPage"]

    class Meta:
        verbose_name = _("course catalogue")

    def get_context(self, request, *args, **kwargs):
        from django.template.loader import render_to_string

        from core.listings import link_cards, rendered_listing
        from courses import path_selectors, selectors  # selectors import the page models

        courses = selectors.catalogue_courses(self)  # Wagtail's .public(): read once for the request

        def render(query):
            context = selectors.catalogue_context(request, self, query, courses)
            link_cards(context["items"], self, request)
            return render_to_string("courses/course_catalogue.html", {"page": self, **context}, request)

        context = Page.get_context(self, request, *args, **kwargs)
        # Outside the cached listing (its version counts courses only); nothing about the reader either.
        context["learning_paths"] = path_selectors.catalogue_paths(self)
        # The filters and cards are the same for every reader: rendered once per version of the catalogue.
        context["catalogue"] = rendered_listing(
            request,
            namespace="courses",
            version=selectors.catalogue_version(self, courses),
            index_page=self,
            names=selectors.CATALOGUE_PARAMETERS,
            render=render,
        )
        return context


class CoursePage(ContentPage):
    class Level(models.TextChoices):
        INTRODUCTORY = "introductory", _("Introductory")
        INTERMEDIATE = "intermediate", _("Intermediate")
        ADVANCED = "advanced", _("Advanced")

    class Format(models.TextChoices):
        SELF_PACED = "self_paced", _("Self-paced")
        COHORT = "cohort", _("Cohort")

    class Audience(models.TextChoices):
        PUBLIC = "public", _("Everyone")
        MEMBERS = "members", _("Staff of member organisations")

    level = models.CharField(_("level"), max_length=16, choices=Level.choices, default=Level.INTRODUCTORY)
    language = models.CharField(_("language"), max_length=8, choices=settings.LANGUAGES, default="en")
    effort_hours = models.PositiveSmallIntegerField(_("estimated effort (hours)"), default=1)
    format = models.CharField(_("format"), max_length=16, choices=Format.choices, default=Format.SELF_PACED)
    audience = models.CharField(
        _("audience"),
        max_length=16,
        choices=Audience.choices,
        default=Audience.PUBLIC,
        help_text=_(
            "Everyone finds and reads the course page, marked “Members only”; its lessons open only for staff of "
            "member cities (Wagtail privacy for the Members group on each module)."
        ),
    )
    learning_outcomes = models.TextField(_("learning outcomes"), blank=True, help_text=_("One per line."))
    instructors = ParentalManyToManyField("courses.Instructor", blank=True, verbose_name=_("instructors"))
    prerequisites = ParentalManyToManyField(
        "courses.CoursePage",
        blank=True,
        related_name="+",
        verbose_name=_("required before this course"),
        help_text=_("Courses a learner must have completed before enrolling in this one."),
    )
    awards_certificate = models.BooleanField(_("awards a certificate"), default=True)

    content_panels = [
        *ContentPage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("level"),
                FieldPanel("language"),
                FieldPanel("effort_hours"),
                FieldPanel("format"),
                FieldPanel("audience"),
                FieldPanel("awards_certificate"),
            ],
            heading=_("Course facts"),
        ),
        FieldPanel("learning_outcomes"),
        FieldPanel("instructors", widget=forms.CheckboxSelectMultiple),
        FieldPanel("prerequisites"),
    ]
    search_fields = [
        *ContentPage.search_fields,
        index.SearchField("learning_outcomes"),
        index.FilterField("level"),
        index.FilterField("language"),
        index.FilterField("format"),
    ]
    parent_page_types = ["courses.CourseIndexPage"]
    subpage_types = ["courses.ModulePage"]

    class Meta:
        verbose_name = _("course")
        indexes = [models.Index(fields=["level", "language", "format"])]

    def facts(self):
        return [
            (_("Level"), self.get_level_display()),
            (_("Effort"), _("%(hours)s hours") % {"hours": self.effort_hours}),
            (_("Language"), self.get_language_display()),
            (_("Format"), self.get_format_display()),
            (_("Who may take it"), _("Members only") if self.is_members_only else _("Everyone")),
        ]

    @property
    def is_members_only(self):
        return self.audience == self.Audience.MEMBERS

    @property
    def outcomes(self):
        return [line.strip() for line in self.learning_outcomes.splitlines() if line.strip()]

    def lessons(self):
        return LessonPage.objects.live().descendant_of(self).order_by("path")

    def required_lessons(self):
        return self.lessons().filter(models.Q(optional=False) | models.Q(is_final_assessment=True))

    def clean(self):
        super().clean()
        # A translation is taught in its own language; wagtail-localize would otherwise copy the original's choice
        # ("English") into every translation. An alias keeps the original's: its words are the original's.
        if self.alias_of_id is None and self.locale_id and self.is_translation():
            self.language = self.locale.language_code

    def is_translation(self):
        """True for a translation of an earlier course (same translation key), False for an original."""
        earlier = CoursePage.objects.filter(translation_key=self.translation_key).exclude(pk=self.pk)
        return earlier.filter(pk__lt=self.pk).exists() if self.pk else earlier.exists()

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        self.sync_audience()
        return result

    def sync_audience(self):
        """Keep Wagtail privacy in step with the audience field. The course page itself is public (its title,
        summary, outcomes and outline say what it is and how to join); a members-only course's modules, and so its
        lessons, are restricted to the Members group (kept in step by members.services)."""
        from members import services  # members ← courses: the import points the allowed way

        # A course page is never restricted by its audience (it once was: lift what that left behind).
        members_only_restrictions(services, page=self).delete()
        # The stored audience, not this object's: saving a draft revision must not open or close the lessons.
        stored = CoursePage.objects.filter(pk=self.pk).values_list("audience", flat=True).first()
        for module in ModulePage.objects.child_of(self):
            module.sync_audience(members_only=stored == self.Audience.MEMBERS)

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.course_page_context(request, self))
        return context


def members_only_restrictions(services, **lookup):
    """The view restrictions that make pages members-only: restricted to the Members group."""
    return PageViewRestriction.objects.filter(
        restriction_type=PageViewRestriction.GROUPS, groups__name=services.MEMBERS_GROUP, **lookup
    )


class ModulePage(SameAddressInEveryLanguage, Page):
    """A heading of its course's outline. It carries the course's privacy: a members-only course restricts each of
    its modules (so every lesson under them) to the Members group, and leaves the course page public."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]
    parent_page_types = ["courses.CoursePage"]
    subpage_types = ["courses.LessonPage"]

    class Meta:
        verbose_name = _("module")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        self.sync_audience()
        return result

    def sync_audience(self, members_only=None):
        """Restricted to the Members group when its course (as stored) is members-only; otherwise not by the
        audience. Called on save, after a move, and by the course for each of its modules."""
        from members import services

        if members_only is None:
            course = CoursePage.objects.filter(path=self.path[: -self.steplen]).values_list("audience", flat=True)
            members_only = course.first() == CoursePage.Audience.MEMBERS
        restrictions = members_only_restrictions(services, page=self)
        if not members_only:
            restrictions.delete()
        elif not restrictions.exists():  # any other restriction an editor set stays, and applies too
            restriction = PageViewRestriction.objects.create(page=self, restriction_type=PageViewRestriction.GROUPS)
            restriction.groups.set([services.members_group()])

    def serve(self, request, *args, **kwargs):
        # A module is a heading in its course's outline, not a page of its own.
        from django.shortcuts import redirect

        return redirect(self.get_parent().specific.get_url(request), permanent=False)


def sync_moved_module(sender, instance, **kwargs):
    """post_page_move: a module moved to another course takes that course's audience (a move saves the page as
    a plain Page, so ModulePage.save does not run)."""
    ModulePage.objects.get(pk=instance.pk).sync_audience()


class LessonPage(SameAddressInEveryLanguage, Page):
    summary = models.TextField(_("summary"), blank=True, max_length=500)
    body = StreamField(LessonStreamBlock(), blank=True, verbose_name=_("lesson"))
    estimated_minutes = models.PositiveSmallIntegerField(_("estimated minutes"), default=15)
    optional = models.BooleanField(
        _("optional"), default=False, help_text=_("Optional lessons do not count towards completing the course.")
    )
    quiz = models.ForeignKey(
        "courses.Quiz",
        verbose_name=_("quiz"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("A lesson with a quiz is completed by passing the quiz."),
    )
    is_final_assessment = models.BooleanField(
        _("final assessment"),
        default=False,
        help_text=_("The course's final assessment: required to complete the course, even if marked optional."),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        MultiFieldPanel([FieldPanel("estimated_minutes"), FieldPanel("optional")], heading=_("Lesson facts")),
        MultiFieldPanel([FieldPanel("quiz"), FieldPanel("is_final_assessment")], heading=_("Assessment")),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary"), index.SearchField("body")]
    parent_page_types = ["courses.ModulePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("lesson")

    @property
    def course_path(self):
        """The tree path of this lesson's course (lesson > module > course)."""
        return self.path[: -2 * Page.steplen]

    def course(self):
        """The course this lesson belongs to."""
        return CoursePage.objects.filter(path=self.course_path).first()

    def get_context(self, request, *args, **kwargs):
        from courses import selectors

        context = super().get_context(request, *args, **kwargs)
        context.update(selectors.lesson_page_context(request, self))
        return context
