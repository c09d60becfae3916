from django.db.models import Count, Q
from django.urls import path, reverse
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from wagtail import hooks
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.ui.tables import Column
from wagtail.admin.widgets import Button
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from core import charts
from core.access import Link, RestrictionHelp
from core.i18n import language_path, original
from core.menus import PermissionMenuItem
from core.sections import Card, Section, page_cards
from members.models import Membership
from members.reports import OrganisationReport
from members.selectors import ProfileFigure

from . import (
    admin_views,
    demo,
    demo_history,
    demo_learning,
    demo_translations,
    gradebook,
    path_selectors,
    selectors,
    services,
)
from .certificates import linkedin_add_url
from .models import Certificate, CohortRun, Enrollment, PathCompletion, Question, QuestionBank, Quiz


def course_facts(course):
    hours = _("%(hours)s hours") % {"hours": course.effort_hours}
    return (course.get_level_display(), hours, *([_("Members only")] if course.is_members_only else []))


@hooks.register("register_restriction_help")
def explain_restricted_lesson(request, target, groups):
    """A lesson or module refused by its privacy (core's 403 page, which members explains): point to the course
    page, which everyone may read and which says what the course covers and how to join."""
    course = selectors.course_of_lesson(target)
    if course is None:
        return None
    return RestrictionHelp(
        key="course",
        paragraphs=(_("It is part of the course “%(course)s”.") % {"course": course.title},),
        links=(Link(course.get_url(request), _("What this course covers and how to join")),),
        order=20,
    )


@hooks.register("register_home_section")
def latest_courses_section(request):
    return Section(
        key="courses",
        title=_("Latest courses"),
        cards=page_cards(request, selectors.latest_courses(), meta=course_facts),
        empty_text=_("No courses are published yet."),
        more_url=language_path("/courses/"),
        more_label=_("All courses"),
        order=10,
    )


def progress_label(progress):
    return _("%(done)s of %(total)s required lessons") % {"done": progress.done, "total": progress.total}


@hooks.register("register_me_section")
def my_learning_section(request):
    cards = []
    for enrollment, progress, next_lesson in selectors.my_learning(request.user):
        if enrollment.status == Enrollment.Status.COMPLETED:
            # The certificate's date when there is one: the same date as on the PDF and the verification page.
            meta = (_("Completed on %s") % formats.date_format(enrollment.completed_on, "DATE_FORMAT"),)
        else:
            enrolled = timezone.localdate(enrollment.enrolled_at)  # in the viewer's zone, not UTC
            meta = (_("Enrolled on %s") % formats.date_format(enrolled, "DATE_FORMAT"),)
        cards.append(
            Card(
                title=enrollment.shown_course.title,  # in the reader's language when translated
                url=enrollment.shown_course.get_url(request),
                meta=meta,
                progress=progress.percent,
                progress_label=progress_label(progress),
                action_url=next_lesson.get_url(request) if next_lesson else "",
                action_label=_("Resume") if progress.done else _("Start"),
            )
        )
    return Section(
        key="learning",
        title=_("My learning"),
        cards=cards,
        empty_text=_("You are not enrolled in a course yet."),
        more_url=language_path("/courses/"),
        more_label=_("Browse courses"),
        order=10,
    )


@hooks.register("register_me_section")
def my_paths_section(request):
    """The learner's learning paths: progress across their courses, the next course to take, the certificate when
    complete; and the way to their transcript."""
    cards = []
    for progress in path_selectors.my_paths(request.user):
        meta = [_("%(done)s of %(total)s courses completed") % {"done": progress.done, "total": progress.total}]
        action_url = action_label = ""
        if progress.certificate is not None:
            issued = formats.date_format(progress.certificate.issued_on, "DATE_FORMAT")
            meta.append(_("Certificate issued on %s") % issued)
            action_url, action_label = progress.certificate.get_absolute_url(), _("See the certificate")
        elif progress.completion is not None:
            meta.append(_("Completed"))
        elif progress.next_step is not None:
            action_url = progress.next_step.course.get_url(request)
            action_label = _("Next course: %(course)s") % {"course": progress.next_step.course.title}
        cards.append(
            Card(
                title=progress.path.title,
                url=progress.path.get_url(request),
                meta=tuple(meta),
                progress=progress.percent,
                progress_label=_("%(percent)s%% of the path") % {"percent": progress.percent},
                action_url=action_url,
                action_label=action_label,
            )
        )
    return Section(
        key="paths",
        title=_("My learning paths"),
        cards=cards,
        empty_text=_("You have not started a learning path yet. A path is a set of courses taken in order."),
        more_url=reverse("transcript"),
        more_label=_("My learning transcript: every course completed and event attended"),
        order=11,
    )


@hooks.register("register_organisation_report")
def course_progress_report(organisation):
    values = selectors.organisation_learning(organisation)
    by_course = selectors.organisation_courses(organisation)
    paths = path_selectors.paths_completed_by_organisation(organisation)
    return OrganisationReport(
        key="courses",
        title=_("Courses"),
        columns=[_("Courses enrolled"), _("Courses completed"), _("Average progress (%)")],
        values_by_user=values,
        summary=[
            (_("Staff learning"), len(values)),
            (_("Enrolments"), sum(v[0] for v in values.values())),
            (_("Courses completed"), sum(v[1] for v in values.values())),
            (_("Certificates"), sum(row[3] for row in by_course)),
            (_("Learning paths completed"), paths["completed"]),
            (_("Learning path certificates"), paths["certificates"]),
        ],
        order=10,
        table_caption=_("By course"),
        table_header=[_("Course"), _("Enrolled"), _("Completed"), _("Certificates")],
        table_rows=by_course,
    )


@hooks.register("register_organisation_profile_figures")
def learning_figures(organisation):
    """The city's learning on its public profile: counts only, never a name (one query)."""
    figures = (
        Enrollment.objects.current()
        .filter(user__membership__organisation=organisation, user__membership__status=Membership.Status.APPROVED)
        .aggregate(
            staff=Count("user", distinct=True),
            completed=Count("id", filter=Q(status=Enrollment.Status.COMPLETED)),
            certificates=Count("certificate", filter=Q(certificate__revoked_at__isnull=True)),
        )
    )
    return [
        ProfileFigure(_("Staff enrolled in a course"), figures["staff"], order=10),
        ProfileFigure(_("Courses completed"), figures["completed"], order=11),
        ProfileFigure(_("Certificates earned"), figures["certificates"], order=12),
    ]


class EnrollmentViewSet(SnippetViewSet):
    model = Enrollment
    icon = "user"
    menu_label = gettext_lazy("Enrolments")
    add_to_admin_menu = True
    menu_order = 220
    list_display = ["user", "course", "run", "status", "enrolled_at", "completed_at"]
    list_filter = ["status"]
    search_fields = ["user__email", "course__title"]
    list_export = ["user", "course", "run", "status", "enrolled_at", "completed_at"]
    export_filename = "enrolments"


register_snippet(EnrollmentViewSet)


# --- Certificates ------------------------------------------------------------------------------------


@hooks.register("register_me_section")
def my_certificates_section(request):
    certificates = selectors.my_certificates(request.user)
    return Section(
        key="certificates",
        title=_("My certificates"),
        cards=[
            Card(
                title=certificate.course_title,
                url=certificate.get_absolute_url(),
                meta=(
                    _("Issued on %s") % formats.date_format(certificate.issued_on, "DATE_FORMAT"),
                    _("Revoked") if certificate.is_revoked else _("Valid"),
                    certificate.display_code,
                ),
                action_url=certificate.pdf_url,
                action_label=_("Download the PDF"),
                links=(
                    (reverse("certificates:badge", args=[certificate.code]), _("Download badge (PNG)")),
                    (reverse("certificates:credential", args=[certificate.code]), _("Credential (JSON)")),
                    (linkedin_add_url(certificate), _("Add to LinkedIn")),
                ),
            )
            for certificate in certificates
        ],
        empty_text=_("Complete a course to earn its certificate."),
        order=12,
    )


@hooks.register("register_personal_data")
def my_certificates_data(user):
    return (
        "certificates",
        [
            {
                "code": certificate.code,
                "kind": "learning_path" if certificate.path_completion_id else "course",
                "name": certificate.name,
                "course": certificate.course_title,
                "issued_on": certificate.issued_on.isoformat(),
                "revoked_at": certificate.revoked_at.isoformat() if certificate.revoked_at else None,
            }
            for certificate in selectors.my_certificates(user)
        ],
    )


@hooks.register("register_personal_data")
def my_learning_paths_data(user):
    return (
        "learning_paths_completed",
        [
            {"path": completion.path.title, "completed_at": completion.completed_at.isoformat()}
            for completion in PathCompletion.objects.filter(user=user).select_related("path").order_by("completed_at")
        ],
    )


class CertificatePolicy(ModelPermissionPolicy):
    """Certificates are issued by completing a course and revoked, never added or deleted by hand."""

    def user_has_permission(self, user, action):
        return action not in ("add", "delete") and super().user_has_permission(user, action)


register_permission_policy(Certificate, CertificatePolicy(Certificate))


class CertificateForm(WagtailAdminModelForm):
    def save(self, commit=True):
        certificate = super().save(commit=False)
        if self.cleaned_data.get("revoked_reason", "").strip():
            return services.revoke_certificate(certificate=certificate, reason=self.cleaned_data["revoked_reason"])
        return services.reinstate_certificate(certificate=certificate)


def certificate_kind(certificate):
    """What a certificate is for, in the admin's list: a course or a learning path."""
    return _("Learning path") if certificate.path_completion_id else _("Course")


class CertificateViewSet(SnippetViewSet):
    model = Certificate
    icon = "doc-full"
    menu_label = gettext_lazy("Certificates")
    add_to_admin_menu = True
    menu_order = 221
    list_display = [
        "code",
        "name",
        "course_title",
        Column("kind", label=gettext_lazy("Certificate for"), accessor=certificate_kind),
        "issued_on",
        "revoked_at",
    ]
    list_filter = ["issued_on"]
    search_fields = ["code", "name", "course_title"]
    list_export = [
        "code",
        "name",
        "course_title",
        "hours",
        "issued_on",
        "time_zone",
        "issuer",
        "revoked_at",
        "revoked_reason",
    ]
    export_filename = "certificates"
    ordering = ["-issued_on"]
    edit_handler = ObjectList(
        [
            *(
                FieldPanel(name, read_only=True)
                for name in ("code", "name", "course_title", "hours", "issued_on", "time_zone")
            ),
            FieldPanel("revoked_reason"),
        ],
        base_form_class=CertificateForm,
    )


register_snippet(CertificateViewSet)


# --- The secretariat's learning report ------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_learning_report_url():
    return [path("reports/learning/", admin_views.learning_report, name="courses_learning_report")]


@hooks.register("register_reports_menu_item")
def register_learning_report_menu_item():
    return PermissionMenuItem(
        gettext_lazy("Learning by course and region"),
        reverse("courses_learning_report"),
        icon_name="doc-full",
        order=705,
        permission="courses.view_enrollment",
    )


# --- The gradebook and item statistics ---------------------------------------------------------------


@hooks.register("register_admin_urls")
def register_gradebook_urls():
    return [
        path("reports/gradebook/", admin_views.gradebook_index, name="courses_gradebook_index"),
        path("reports/gradebook/<int:course_id>/", admin_views.gradebook_view, name="courses_gradebook"),
        path(
            "quizzes/<int:quiz_id>/item-statistics/",
            admin_views.quiz_item_statistics,
            name="courses_quiz_item_statistics",
        ),
        path(
            "question-banks/<int:bank_id>/item-statistics/",
            admin_views.bank_item_statistics,
            name="courses_bank_item_statistics",
        ),
    ]


class GradebookMenuItem(MenuItem):
    """Shown to whoever may read the gradebook (the view checks again)."""

    def is_shown(self, request):
        return gradebook.may_see_gradebook(request.user)


@hooks.register("register_reports_menu_item")
def register_gradebook_menu_item():
    return GradebookMenuItem(
        gettext_lazy("Gradebook"), reverse("courses_gradebook_index"), icon_name="table", order=706
    )


@hooks.register("register_snippet_listing_buttons")
def item_statistics_button(snippet, user, next_url=None):
    """ "Item statistics" in the quizzes' and question banks' listings, for their editors."""
    if isinstance(snippet, Quiz):
        url_name = "courses_quiz_item_statistics"
    elif isinstance(snippet, QuestionBank):
        url_name = "courses_bank_item_statistics"
    else:
        return []
    if not gradebook.may_see_item_statistics(user, type(snippet)):
        return []
    return [Button(_("Item statistics"), url=reverse(url_name, args=[snippet.pk]), icon_name="table", priority=40)]


# --- Quizzes ---------------------------------------------------------------------------------------


def live_forms(formset):
    """The forms of an inline formset that will be saved (valid so far, not deleted), with their cleaned data."""
    for form in formset.forms:
        form.is_valid()
        data = getattr(form, "cleaned_data", {})
        if data and not data.get("DELETE"):
            yield form, data


def check_questions(formset):
    """Each question needs a right answer: a one-answer or true-or-false question exactly one, and a true-or-false
    question exactly two choices. Errors go on the question's kind."""
    for form, question in live_forms(formset):
        choices = [choice for _form, choice in live_forms(form.formsets["choices"])]
        right = sum(bool(choice.get("correct")) for choice in choices)
        kind = question.get("kind")
        if kind == Question.Kind.TRUE_FALSE and len(choices) != 2:
            form.add_error("kind", _("A true-or-false question has exactly two choices, such as “True” and “False”."))
        if right == 0:
            form.add_error("kind", _("Mark at least one choice as correct."))
        elif kind == Question.Kind.SINGLE and right > 1:
            form.add_error("kind", _("A one-answer question has exactly one correct choice."))
        elif kind == Question.Kind.TRUE_FALSE and right > 1:
            form.add_error("kind", _("A true-or-false question has exactly one correct choice."))


def check_draws(formset):
    """A draw line asks no more questions than its bank holds (of its topic, when it names one), counted in the
    bank's original, the one attempts draw from (courses.draws). One query per line, in the editor only.
    Returns the draw lines that will be saved."""
    lines = list(live_forms(formset))
    for form, draw in lines:
        bank, count, topic = draw.get("bank"), draw.get("count"), draw.get("topic")
        if bank is None or not count:
            continue
        source = original(bank)
        questions = Question.objects.filter(bank=source)
        if topic is not None:
            questions = questions.filter(topic__translation_key=topic.translation_key)
        available = questions.count()
        if available >= count:
            continue
        values = {"bank": source.title, "available": available, "count": count}
        if topic is not None:
            message = _(
                "“%(bank)s” has %(available)s questions on “%(topic)s”; this draw asks for %(count)s. Lower the "
                "number, or add questions to the bank."
            ) % {**values, "topic": topic.name}
        else:
            message = (
                _(
                    "“%(bank)s” has %(available)s questions; this draw asks for %(count)s. Lower the number, or add "
                    "questions to the bank."
                )
                % values
            )
        form.add_error("count", message)
    return lines


class QuizForm(WagtailAdminModelForm):
    """A quiz asks at least one question, its own or drawn from a bank; each question has its right answers; each
    draw fits its bank."""

    def clean(self):
        cleaned = super().clean()
        check_questions(self.formsets["questions"])
        draws = check_draws(self.formsets["draws"])
        if not list(live_forms(self.formsets["questions"])) and not draws:
            self.add_error(None, _("Add at least one question, or a draw from a question bank."))
        return cleaned


class QuestionBankForm(WagtailAdminModelForm):
    """Each of the bank's questions has its right answers, as in a quiz."""

    def clean(self):
        cleaned = super().clean()
        check_questions(self.formsets["questions"])
        return cleaned


class QuizViewSet(SnippetViewSet):
    model = Quiz
    icon = "tasks"
    menu_label = gettext_lazy("Quizzes")
    add_to_admin_menu = True
    menu_order = 222
    list_display = ["title", "pass_mark", "max_attempts", "review_policy", "retry_wait_minutes"]
    search_fields = ["title"]
    edit_handler = ObjectList(Quiz.panels, base_form_class=QuizForm)


register_snippet(QuizViewSet)


class QuestionBankViewSet(SnippetViewSet):
    """Banks sit next to the quizzes that draw from them; the list counts each bank's questions in its query."""

    model = QuestionBank
    icon = "tasks"
    menu_label = gettext_lazy("Question banks")
    add_to_admin_menu = True
    menu_order = 222  # with the quizzes
    list_display = [
        "title",
        "course",
        Column("question_count", label=gettext_lazy("Questions"), sort_key="question_count"),
    ]
    search_fields = ["title"]
    edit_handler = ObjectList(QuestionBank.panels, base_form_class=QuestionBankForm)

    def get_queryset(self, request):
        return QuestionBank.objects.select_related("course").annotate(question_count=Count("questions"))


register_snippet(QuestionBankViewSet)


class CohortRunViewSet(SnippetViewSet):
    model = CohortRun
    icon = "date"
    menu_label = gettext_lazy("Cohort runs")
    add_to_admin_menu = True
    menu_order = 223
    list_display = ["course", "starts_on", "ends_on", "seats", "facilitator"]
    list_filter = ["course"]
    ordering = ["-starts_on"]


register_snippet(CohortRunViewSet)


@hooks.register("register_demo_seeder", order=20)
def seed_courses(progress):
    """Courses: the e-government training programme, with modules and lessons"""
    demo.seed(progress)


@hooks.register("register_demo_seeder", order=21)
def seed_learning(progress):
    """Learning: a final assessment quiz, cohort runs, and two staff members with certificates"""
    demo_learning.seed(progress)


@hooks.register("register_demo_seeder", order=75)  # after every seeder that adds people (consultations, community)
def seed_a_year_of_learning(progress):
    """A year of learning: staff of member cities who took and finished self-paced courses over the last 12 months"""
    demo_history.ensure_a_year_of_learning(progress)


@hooks.register("register_demo_seeder", order=96)  # after the locales (core, 95), before the lessons' translations
def seed_quiz_translations(progress):
    """Quizzes in other languages: the two final assessments"""
    demo_translations.import_quiz_translations(progress)


@hooks.register("register_digest_items")
def new_courses_for_digest(*, since, until, topic_keys, organisation_ids):
    """Courses first published in the window, in the followed topics (community's digest; a course belongs to no
    city): each course once (its original), in the active language. Five queries, whatever the number of courses."""
    from types import SimpleNamespace

    from core.i18n import in_default_language, in_reader_language_each

    from .models import CoursePage

    tagged = CoursePage.topics.through.objects.filter(topic__translation_key__in=topic_keys).values("coursepage_id")
    courses = list(
        in_default_language(CoursePage.objects.live().public())
        .filter(first_published_at__gte=since, first_published_at__lt=until, pk__in=tagged)
        .prefetch_related("topics")
        .order_by("-first_published_at")
    )
    shown = in_reader_language_each(courses)
    site_paths = SimpleNamespace()  # Wagtail keeps the site's root paths on it: read once for every link
    return [
        {
            "key": f"course:{course.translation_key}",
            "kind": "courses",
            "heading": _("New courses"),
            "title": page.title,
            "url": page.get_full_url(site_paths),
            "date": course.first_published_at,
            "meta": page.get_level_display(),
            "topic_keys": {str(topic.translation_key) for topic in course.topics.all()},
            "organisation_ids": set(),
        }
        for course, page in zip(courses, shown, strict=True)
    ]


# --- Charts: the city's learning over time (focal-point dashboard) and the hub's (secretariat's reports) -----------


def staff_learning_per_month(organisation):
    """Enrolments and completions per month, over the last 12, by the city's approved staff: two queries."""
    months = charts.last_months(12)
    staff = Enrollment.objects.current().filter(
        user__membership__organisation=organisation, user__membership__status=Membership.Status.APPROVED
    )
    completed = staff.filter(status=Enrollment.Status.COMPLETED)
    return charts.ChartData(
        labels=tuple(months),
        series=(
            charts.Series(_("Enrolled"), charts.per_month(staff, "enrolled_at", months)),
            charts.Series(_("Completed"), charts.per_month(completed, "completed_at", months)),
        ),
    )


def courses_completed_per_month(_organisation):
    """Courses completed per month across the hub, over the last 12: one query."""
    months = charts.last_months(12)
    completed = Enrollment.objects.filter(status=Enrollment.Status.COMPLETED)
    return charts.ChartData(
        labels=tuple(months),
        series=(charts.Series(_("Courses completed"), charts.per_month(completed, "completed_at", months)),),
    )


@hooks.register("register_report_chart")
def learning_charts():
    return [
        charts.ChartSpec(
            key="city-learning",
            title=gettext_lazy("Courses: enrolled and completed per month"),
            description=gettext_lazy("Your city's staff over the last 12 months."),
            scope=charts.ORGANISATION,
            numbers=staff_learning_per_month,
            kind="column",
            category_label=charts.MONTH,
            order=10,
        ),
        charts.ChartSpec(
            key="courses-completed",
            title=gettext_lazy("Courses completed per month"),
            description=gettext_lazy("Every member of the hub, over the last 12 months."),
            scope=charts.SECRETARIAT,
            numbers=courses_completed_per_month,
            kind="column",
            category_label=charts.MONTH,
            permission="courses.view_enrollment",
            order=20,
        ),
    ]
