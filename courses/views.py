import functools
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST, require_safe

from core import views as core_views
from core.forms import parse_id
from core.i18n import language_path

from . import path_selectors, selectors, services
from .exceptions import (
    DrawNotRecognised,
    LearningError,
    RetryTooSoon,
    StaleQuizForm,
    TamperedAnswers,
    UnansweredQuestions,
)
from .models import CohortRun, CoursePage, LessonPage


def sign_in_first(view):
    """Anonymous visitors go to sign in and come back to the course page (not to this POST-only URL)."""

    @functools.wraps(view)
    def wrapper(request, course_id, *args, **kwargs):
        if not request.user.is_authenticated:
            course = get_object_or_404(CoursePage.objects.live(), id=course_id)
            messages.info(request, _("Sign in or create an account to enrol."))
            return redirect(f"{reverse('account_login')}?{urlencode({'next': course.get_url(request)})}")
        return view(request, course_id, *args, **kwargs)

    return wrapper


def refuse(request, error):
    return core_views.refuse(request, error, back_url=language_path("/courses/"), back_label=_("Back to the courses"))


@require_POST
@sign_in_first
def enroll(request, course_id):
    course = get_object_or_404(CoursePage, id=course_id)
    run_id = parse_id(request.POST.get("run", ""))
    # No run, or not one of this course's (runs belong to the original course, whichever translation this is): the
    # service asks for one if the course needs it.
    run = (
        CohortRun.objects.filter(course__translation_key=course.translation_key, id=run_id).first() if run_id else None
    )
    try:
        services.enroll(user=request.user, course=course, run=run)
    except LearningError as error:
        return refuse(request, error)
    messages.success(request, _("You are enrolled in “%s”. Start with the first lesson.") % course.title)
    return redirect(course.get_url(request))


@require_POST
@sign_in_first
def unenroll(request, course_id):
    course = get_object_or_404(CoursePage, id=course_id)
    services.unenroll(user=request.user, course=course)
    messages.success(request, _("You left “%s”. Your progress is kept if you come back.") % course.title)
    return redirect(course.get_url(request))


@require_POST
@sign_in_first
def complete_lesson(request, course_id, lesson_id):
    course = get_object_or_404(CoursePage, id=course_id)
    lesson = get_object_or_404(LessonPage, id=lesson_id)
    try:
        enrollment = services.mark_lesson_complete(user=request.user, course=course, lesson=lesson)
    except LearningError as error:
        return refuse(request, error)
    if enrollment.status == enrollment.Status.COMPLETED:
        messages.success(request, _("Congratulations: you completed “%s”!") % course.title)
        return redirect(course.get_url(request))
    messages.success(request, _("Lesson marked as complete."))
    next_url = request.POST.get("next", "")
    if next_url.startswith("/") and not next_url.startswith("//"):
        return redirect(next_url)
    return redirect(lesson.get_url(request))


def parse_answers(post):
    """{question id: {choice ids}} from fields named ``question-<id>``; None when a name or value is not a number."""
    answers = {}
    for name in post:
        if not name.startswith("question-"):
            continue
        question_id, choice_ids = parse_id(name.removeprefix("question-")), [parse_id(v) for v in post.getlist(name)]
        if question_id is None or None in choice_ids:
            return None
        answers[question_id] = set(choice_ids)
    return answers


@require_POST
@sign_in_first
def submit_quiz(request, course_id, lesson_id):
    course = get_object_or_404(CoursePage, id=course_id)
    lesson = get_object_or_404(LessonPage, id=lesson_id)
    answers = parse_answers(request.POST)
    try:
        if answers is None:
            raise TamperedAnswers
        attempt = services.submit_quiz(
            user=request.user, course=course, lesson=lesson, answers=answers, drawn=request.POST.get("drawn", "")
        )
    except UnansweredQuestions as error:
        messages.error(request, error.message)
        return redirect(lesson.get_url(request) + "#quiz")
    except (StaleQuizForm, DrawNotRecognised) as error:
        return core_views.refuse(
            request, error, back_url=lesson.get_url(request) + "#quiz", back_label=_("Back to the lesson")
        )
    except RetryTooSoon as error:
        response = core_views.refuse(
            request, error, back_url=lesson.get_url(request) + "#quiz", back_label=_("Back to the lesson")
        )
        response["Retry-After"] = str(max(int((error.retry_at - timezone.now()).total_seconds()), 1))
        return response
    except LearningError as error:
        return refuse(request, error)
    if attempt.passed:
        messages.success(request, _("You passed with %(score)s%%.") % {"score": attempt.score})
    else:
        messages.warning(
            request,
            _("You scored %(score)s%%; %(mark)s%% passes.") % {"score": attempt.score, "mark": lesson.quiz.pass_mark},
        )
    return redirect(lesson.get_url(request) + "#quiz-result")


def quiz_lesson(course_id, lesson_id):
    """The live lesson with a quiz in the live course the URL names (any translation of them), else a 404."""
    course = get_object_or_404(CoursePage.objects.live(), id=course_id)
    lesson = get_object_or_404(LessonPage.objects.live().select_related("quiz"), id=lesson_id)
    if lesson.quiz is None or not lesson.path.startswith(course.path) or lesson.depth != course.depth + 2:
        raise Http404
    return course, lesson


@login_required
def quiz_attempts(request, course_id, lesson_id):
    course, lesson = quiz_lesson(course_id, lesson_id)
    context = selectors.attempt_history_context(request.user, lesson)
    return render(request, "courses/quiz_attempts.html", {**context, "course": course, "lesson": lesson})


@login_required
def quiz_attempt(request, course_id, lesson_id, attempt_id):
    course, lesson = quiz_lesson(course_id, lesson_id)
    context = selectors.attempt_review_context(request.user, lesson, attempt_id)
    if context is None:  # not this person's attempt, or not at this quiz
        raise Http404
    return render(request, "courses/quiz_attempt.html", {**context, "course": course, "lesson": lesson})


# --- The transcript -----------------------------------------------------------------------------------


@never_cache
@login_required
@require_safe
def transcript(request):
    """The learner's transcript: every course completed, every learning path, every event attended."""
    return render(request, "courses/transcript.html", path_selectors.transcript(request.user, request))


@login_required
@require_safe
def transcript_pdf(request):
    """The transcript as a PDF, in the learner's preferred language (as their certificates are)."""
    from .transcripts import render_transcript

    with translation.override(selectors.learner_language(request.user)):
        content = render_transcript(request.user, path_selectors.transcript(request.user))
    response = HttpResponse(content, content_type="application/pdf")
    response["Content-Disposition"] = 'attachment; filename="learning-transcript.pdf"'
    response["Cache-Control"] = "private, no-store"
    return response
