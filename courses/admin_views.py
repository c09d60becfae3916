"""The secretariat's learning report (enrolled, completed and certificates by course and region, with CSV), the
gradebook of a course (CSV and XLSX) and the item statistics of a quiz or a question bank."""

from django import forms
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.text import slugify
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.exports import csv_response, xlsx_response
from core.i18n import original
from core.widgets import LongSelect
from members.models import Organisation, Region

from . import gradebook, selectors
from .models import CohortRun, CoursePage, Enrollment, QuestionBank, Quiz


class LearningReportForm(forms.Form):
    region = forms.ChoiceField(
        label=gettext_lazy("Region"), required=False, choices=[("", gettext_lazy("All regions")), *Region.choices]
    )
    course = forms.ModelChoiceField(
        label=gettext_lazy("Course"),
        required=False,
        queryset=CoursePage.objects.order_by("title"),
        empty_label=gettext_lazy("All courses"),
        widget=LongSelect,
    )


def learning_report(request):
    if not request.user.has_perm("courses.view_enrollment"):
        raise PermissionDenied
    form = LearningReportForm(request.GET or None)
    filters = form.cleaned_data if form.is_valid() else {}
    regions = dict(Region.choices)
    figures = sorted(
        selectors.learning_by_region_and_course(region=filters.get("region", ""), course=filters.get("course")),
        # People without a member city last in each course, on every database.
        key=lambda row: (row["course__title"], row["user__membership__organisation__region"] is None),
    )
    rows = [
        [
            row["course__title"],
            regions.get(row["user__membership__organisation__region"], _("No member city")),
            row["enrolled"],
            row["completed"],
            row["certificates"],
        ]
        for row in figures
    ]
    header = [_("Course"), _("Region"), _("Enrolled"), _("Completed"), _("Certificates")]
    if request.GET.get("export") == "csv":
        return csv_response(header, rows, "learning-by-course-and-region")
    totals = [sum(row[index] for row in rows) for index in (2, 3, 4)]
    context = {
        "title": _("Learning by course and region"),
        "icon": "doc-full",
        "caption": _("Enrolled, completed and certificates by course and region"),
        "empty_text": _("Nobody is enrolled yet."),
        "form": form,
        "header": header,
        "rows": rows,
        "totals": totals,
        "footer": [_("All"), "", *totals],
        "csv_query": request.GET.urlencode(),
    }
    return TemplateResponse(request, "core/admin/report.html", context)


# --- The gradebook ---------------------------------------------------------------------------------


class GradebookFilterForm(forms.Form):
    """The gradebook's filters: a city (an organisation with staff in the course), a cohort run, a status."""

    city = forms.ModelChoiceField(
        label=gettext_lazy("City"),
        required=False,
        queryset=Organisation.objects.none(),
        empty_label=gettext_lazy("All cities"),
        widget=LongSelect,
    )
    run = forms.ModelChoiceField(
        label=gettext_lazy("Cohort run"),
        required=False,
        queryset=CohortRun.objects.none(),
        empty_label=gettext_lazy("All runs"),
    )
    status = forms.ChoiceField(
        label=gettext_lazy("Status"),
        required=False,
        choices=[("", gettext_lazy("In progress or completed")), *Enrollment.Status.choices],
    )

    def __init__(self, *args, course, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["city"].queryset = gradebook.city_choices(course)
        runs = self.fields["run"]
        runs.queryset = gradebook.run_choices(course)
        runs.label_from_instance = gradebook.run_label
        if course.format != CoursePage.Format.COHORT:
            del self.fields["run"]

    def filters(self):
        """The valid filters (an invalid one is dropped, with its error shown)."""
        if not self.is_bound:
            return {}
        self.is_valid()
        cleaned = getattr(self, "cleaned_data", {})
        return {
            "organisation": cleaned.get("city"),
            "run": cleaned.get("run"),
            "status": cleaned.get("status", ""),
        }


def _require_gradebook_access(request):
    if not gradebook.may_see_gradebook(request.user):
        raise PermissionDenied


def gradebook_index(request):
    _require_gradebook_access(request)
    context = {
        "title": _("Gradebook"),
        "courses": list(gradebook.gradebook_courses()),
    }
    return TemplateResponse(request, "courses/admin/gradebook_index.html", context)


def gradebook_header(columns):
    header = [_("Learner"), _("Email"), _("City"), _("Cohort run"), _("Status"), _("Completed on")]
    for column in columns:
        header += [
            _("%(lesson)s: best score (%%)") % {"lesson": column.lesson_title},
            _("%(lesson)s: last score (%%)") % {"lesson": column.lesson_title},
            _("%(lesson)s: attempts") % {"lesson": column.lesson_title},
        ]
    return header


def gradebook_table(rows):
    """The rows as spreadsheet rows: numbers stay numbers, a quiz not attempted is empty."""
    table = []
    for row in rows:
        cells = [row.name, row.email, row.city, row.run, row.status, row.completed_on]
        for score in row.scores:
            cells += [score.best, score.last, score.attempts] if score else [None, None, 0]
        table.append(cells)
    return table


def gradebook_view(request, course_id):
    _require_gradebook_access(request)
    course = original(get_object_or_404(CoursePage, pk=course_id))  # enrolments and attempts are the original's
    form = GradebookFilterForm(request.GET or None, course=course)
    filters = form.filters()
    enrollments = gradebook.gradebook_enrollments(course, **filters)
    columns = gradebook.quiz_columns(course)
    export = request.GET.get("export")
    if export in ("csv", "xlsx"):
        rows = gradebook.gradebook_rows(enrollments, columns, users=enrollments.values("user_id"))
        filename = f"gradebook-{slugify(course.slug) or course.pk}"
        header, table = gradebook_header(columns), gradebook_table(rows)
        if export == "csv":
            return csv_response(header, table, filename)
        return xlsx_response(header, table, filename, sheet_title=_("Gradebook"))
    page = Paginator(enrollments, gradebook.GRADEBOOK_PAGE_SIZE).get_page(request.GET.get("p"))
    rows = gradebook.gradebook_rows(page.object_list, columns)
    query = request.GET.copy()
    query.pop("p", None)
    query.pop("export", None)
    context = {
        "title": _("Gradebook: %(course)s") % {"course": course.title},
        "course": course,
        "form": form,
        "columns": columns,
        "rows": rows,
        "items": page,
        "elided_page_range": page.paginator.get_elided_page_range(page.number),
        "export_query": query.urlencode(),
        "index_url": reverse("courses_gradebook_index"),
    }
    return TemplateResponse(request, "courses/admin/gradebook.html", context)


# --- Item statistics ----------------------------------------------------------------------------


def item_statistics_context(title, statistics):
    return {
        "title": title,
        "statistics": statistics,
        "min_answers": gradebook.FLAG_MIN_ANSWERS,
        "easy_percent": gradebook.FLAG_EASY_PERCENT,
        "hard_percent": gradebook.FLAG_HARD_PERCENT,
    }


def quiz_item_statistics(request, quiz_id):
    if not gradebook.may_see_item_statistics(request.user, Quiz):
        raise PermissionDenied
    quiz = original(get_object_or_404(Quiz, pk=quiz_id))  # graded answers are kept against the original
    context = item_statistics_context(
        _("Item statistics: %(quiz)s") % {"quiz": quiz.title}, gradebook.quiz_item_statistics(quiz)
    )
    context["shows_source"] = any(row.question.bank_id for row in context["statistics"])
    return TemplateResponse(request, "courses/admin/item_statistics.html", context)


def bank_item_statistics(request, bank_id):
    if not gradebook.may_see_item_statistics(request.user, QuestionBank):
        raise PermissionDenied
    bank = original(get_object_or_404(QuestionBank, pk=bank_id))
    context = item_statistics_context(
        _("Item statistics: %(bank)s") % {"bank": bank.title}, gradebook.bank_item_statistics(bank)
    )
    return TemplateResponse(request, "courses/admin/item_statistics.html", context)
