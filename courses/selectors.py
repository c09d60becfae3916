"""Reads for the course pages, /me/ and the focal-point report. Each is a fixed number of queries.

Learner rows (enrolments, progress, attempts) are kept against the original course, lesson and quiz
(courses.services); the pages a reader sees may be translations or aliases of them. Reads match them by
``translation_key`` (a join, not another query), so the same enrolment and progress show on every translation."""

import enum
from collections import defaultdict
from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.db.models import Count, Max, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.facets import by_slug, listing_version, topic_counts, value_counts, with_topic
from core.i18n import active_language, in_reader_language, original
from core.listings import PAGE_CARD_FIELDS
from core.models import Topic
from core.models.taxonomy import in_reader_language_or_original
from core.pagination import paginate
from members.selectors import joining_step
from members.services import qualifies_as_member

from .draws import drawn_question_ids, questions_as_shown, sign_draw
from .forms import CourseCatalogueForm
from .models import (
    Certificate,
    Choice,
    CohortRun,
    CoursePage,
    Enrollment,
    Instructor,
    LearningPathPage,
    LessonPage,
    LessonProgress,
    ModulePage,
    Question,
    Quiz,
    QuizAttempt,
)
from .models.quizzes import shuffled

CATALOGUE_PAGE_SIZE = 12


def latest_courses(limit=3):
    """The newest courses, each once: in the reader's language (its translation, or the alias standing in)."""
    return in_reader_language(CoursePage.objects.live().public()).order_by("-first_published_at")[:limit]


def in_language_of_reader(pages, model):
    """{original page id: the page to link to}: each of ``pages`` (originals) as the reader's language has it
    (a translation, or an alias), else the original itself. One query for the whole list."""
    pages = list(pages)
    keys = {page.translation_key for page in pages}
    shown = (
        {
            page.translation_key: page
            for page in model.objects.live().filter(translation_key__in=keys, locale__language_code=active_language())
        }
        if keys
        else {}
    )
    return {page.pk: shown.get(page.translation_key, page) for page in pages}


# --- Progress ------------------------------------------------------------------------------------


@dataclass
class Progress:
    done: int
    total: int
    completed_lesson_ids: set = field(default_factory=set)
    next_lesson_id: int | None = None
    completed_keys: set = field(default_factory=set)  # the translation keys of the completed lessons

    def shown_on(self, lessons):
        """This progress as the ``lessons`` a page shows (a translation's, or the original's): the completed ones
        are those whose translation key was completed."""
        shown = {lesson.id for lesson in lessons if lesson.translation_key in self.completed_keys}
        return Progress(self.done, self.total, shown, self.next_lesson_id, self.completed_keys)

    @property
    def percent(self):
        return round(100 * self.done / self.total) if self.total else 0

    @property
    def is_complete(self):
        return self.total > 0 and self.done >= self.total


def required_lessons_by_course(courses):
    """{course id: [required live lesson ids in order]} for many courses, in one query."""
    if not courses:
        return {}
    by_path = {course.path: course.id for course in courses}
    query = Q()
    for path in by_path:
        query |= Q(path__startswith=path)
    lessons = defaultdict(list)
    steplen = CoursePage.steplen
    for lesson_id, path in (
        LessonPage.objects.live()
        .filter(query)
        .filter(Q(optional=False) | Q(is_final_assessment=True))
        .order_by("path")
        .values_list("id", "path")
    ):
        lessons[by_path[path[: -2 * steplen]]].append(lesson_id)
    return lessons


def progress_for(enrollments):
    """{enrollment id: Progress}: computed from the rows, so lessons added or removed later keep it right."""
    enrollments = list(enrollments)
    required = required_lessons_by_course([e.course for e in enrollments])
    completed, completed_keys = defaultdict(set), defaultdict(set)
    for enrollment_id, lesson_id, key in LessonProgress.objects.filter(enrollment__in=enrollments).values_list(
        "enrollment_id", "lesson_id", "lesson__translation_key"
    ):
        completed[enrollment_id].add(lesson_id)
        completed_keys[enrollment_id].add(key)
    result = {}
    for enrollment in enrollments:
        lesson_ids = required.get(enrollment.course_id, [])
        done = completed[enrollment.id]
        result[enrollment.id] = Progress(
            done=len(done.intersection(lesson_ids)),
            total=len(lesson_ids),
            completed_lesson_ids=done,
            next_lesson_id=next((lesson_id for lesson_id in lesson_ids if lesson_id not in done), None),
            completed_keys=completed_keys[enrollment.id],
        )
    return result


# --- Prerequisites ------------------------------------------------------------------------------


def completed_course_keys(user, keys=None):
    """The translation keys of the courses ``user`` completed (of ``keys`` only, when given): one query. A course
    completed and left afterwards stays completed: leaving keeps the progress, and the certificate holds."""
    if not user.is_authenticated:
        return set()
    enrollments = Enrollment.objects.filter(user=user, completed_at__isnull=False)
    if keys is not None:
        enrollments = enrollments.filter(course__translation_key__in=keys)
    return set(enrollments.values_list("course__translation_key", flat=True))


def one_per_key(pages):
    """{translation key: page} for ``pages`` (several translations of each): the reader's language where there is
    one, else the original (the lowest id)."""
    language = active_language()
    chosen = {}
    for page in sorted(pages, key=lambda page: page.pk):
        kept = chosen.get(page.translation_key)
        if kept is None or (page.locale.language_code == language and kept.locale.language_code != language):
            chosen[page.translation_key] = page
    return chosen


def required_courses(course):
    """The live courses ``course`` requires, each once, in the reader's language (else the original), by title:
    one query. A translation requires what its original requires (matched by translation key)."""
    pages = CoursePage.objects.live().filter(translation_key__in=keys_of(course.prerequisites)).select_related("locale")
    return sorted(one_per_key(pages).values(), key=lambda page: page.title)


def missing_prerequisites(user, course, required=None):
    """Of the courses ``course`` requires (``required``, when the caller has them), those ``user`` has not
    completed: all of them for a visitor; none for someone enrolled in ``course`` before (even if they left it:
    they were admitted, their progress is kept, and a requirement added since does not lock them out of it).
    Two queries (one with ``required``)."""
    required = required_courses(course) if required is None else required
    if not required or not user.is_authenticated:
        return required
    keys = [page.translation_key for page in required]
    rows = Enrollment.objects.filter(user=user, course__translation_key__in=[*keys, course.translation_key])
    rows = list(rows.values_list("course__translation_key", "completed_at"))
    if any(key == course.translation_key for key, _completed in rows):
        return []
    done = {key for key, completed in rows if completed is not None}
    return [page for page in required if page.translation_key not in done]


def current_enrollment(user, course):
    """The learner's enrolment in ``course``, whichever translation of it (or alias) this is: enrolments are kept
    against the original, which shares its translation key."""
    if not user.is_authenticated or course is None:
        return None
    return (
        Enrollment.objects.current()
        .filter(user=user, course__translation_key=course.translation_key)
        .select_related("run")
        .first()
    )


# --- Who may take a course ----------------------------------------------------------------------


class Access(enum.Enum):
    ALLOWED = "allowed"
    SIGN_IN = "sign_in"  # members only, and nobody is signed in
    MEMBERS_ONLY = "members_only"  # signed in, but not staff of a member city


def course_access(user, course):
    """May this person take the course? The course page is public either way; a members-only course's lessons
    are restricted to the Members group, and enrolling asks members.services the same question."""
    if not course.is_members_only:
        return Access.ALLOWED
    if not user.is_authenticated:
        return Access.SIGN_IN
    return Access.ALLOWED if qualifies_as_member(user) else Access.MEMBERS_ONLY


def sign_in_links(request, page):
    """Where a signed-out visitor signs in or creates an account, each coming back to ``page``: links, not forms, so
    the page carries no CSRF token or cookie and stays cacheable."""
    back = urlencode({"next": page.get_url(request)})
    return {"login_url": f"{reverse('account_login')}?{back}", "signup_url": f"{reverse('account_signup')}?{back}"}


def joining(request, course, access):
    """What a visitor needs next: signed out, where to sign in or create an account (each comes back to the
    course; nothing personal, so the page stays cacheable); signed in but not a member of an approved city, the
    step their membership is at. Nothing when they may take the course."""
    if not request.user.is_authenticated:
        return sign_in_links(request, course)
    if access is not Access.MEMBERS_ONLY:
        return {}
    step, membership = joining_step(request.user)
    return {
        "step": step,
        "organisation": membership.organisation.name if membership else "",
        "join_url": reverse("members:me") + "#membership-heading",
        "email_url": reverse("account_email"),
    }


def course_of_lesson(page):
    """The course a lesson or module belongs to; None for any other page (or a document)."""
    if not isinstance(page, Page) or not issubclass(page.specific_class or object, (LessonPage, ModulePage)):
        return None
    return CoursePage.objects.ancestor_of(page).first()


# --- Course and lesson pages ---------------------------------------------------------------------


def course_outline(course):
    """[(module, [lessons])] of live modules and lessons, in tree order: two queries."""
    modules = list(ModulePage.objects.child_of(course).live().order_by("path"))
    lessons = (
        LessonPage.objects.live()
        .descendant_of(course)
        .order_by("path")
        .only(
            "id", "title", "path", "depth", "url_path", "estimated_minutes", "optional", "translation_key", "locale_id"
        )
    )
    by_module = defaultdict(list)
    for lesson in lessons:
        by_module[lesson.path[: -CoursePage.steplen]].append(lesson)
    return [(module, by_module[module.path]) for module in modules]


def course_page_context(request, course):
    outline = course_outline(course)
    access = course_access(request.user, course)
    enrollment = current_enrollment(request.user, course)
    prerequisites = required_courses(course)
    # Someone enrolled already (or coming back after leaving) is never held back by a requirement added later.
    missing = [] if enrollment else missing_prerequisites(request.user, course, prerequisites)
    all_lessons = [lesson for _, lessons in outline for lesson in lessons]
    progress = progress_for([enrollment])[enrollment.id].shown_on(all_lessons) if enrollment else None
    resume = None
    if progress:
        resume = next((lesson for lesson in all_lessons if lesson.id not in progress.completed_lesson_ids), None)
    return {
        "access": access.value,
        "may_open_lessons": access is Access.ALLOWED,
        "can_enrol": access is Access.ALLOWED and request.user.is_authenticated and not missing,
        "missing_prerequisites": missing,
        "joining": joining(request, course, access),
        "directory_url": reverse("members:directory"),
        "outline": outline,
        "enrollment": enrollment,
        "progress": progress,
        # Asked before the certificate is issued: it keeps the name it was issued with, and never shows the email.
        "certificate_needs_name": bool(
            progress and course.awards_certificate and not progress.is_complete and not request.user.get_full_name()
        ),
        "resume_lesson": resume,
        "first_lesson": all_lessons[0] if all_lessons else None,
        "instructors": list(
            in_reader_language_or_original(Instructor.objects.filter(translation_key__in=keys_of(course.instructors)))
        ),
        "runs": cohort_runs(course) if course.format == CoursePage.Format.COHORT else [],
        "prerequisites": prerequisites,
    }


def keys_of(related):
    """The translation keys of a many-to-many's objects, as a subquery: a translated page keeps its original's
    instructors and prerequisites, which the reader sees in their language."""
    return related.values("translation_key")


def lesson_page_context(request, lesson):
    course = lesson.course()
    all_lessons = [lesson for _, lessons in course_outline(course) for lesson in lessons] if course else []
    ids = [item.id for item in all_lessons]
    position = ids.index(lesson.id) if lesson.id in ids else -1
    enrollment = current_enrollment(request.user, course) if course else None
    progress = progress_for([enrollment])[enrollment.id].shown_on(all_lessons) if enrollment else None
    return {
        "course": course,
        "enrollment": enrollment,
        "progress": progress,
        "is_completed": bool(progress and lesson.translation_key in progress.completed_keys),
        "previous_lesson": all_lessons[position - 1] if position > 0 else None,
        "next_lesson": all_lessons[position + 1] if 0 <= position < len(all_lessons) - 1 else None,
        "position": position + 1,
        "lesson_count": len(all_lessons),
        "joining": sign_in_links(request, lesson) if not request.user.is_authenticated else {},
        **quiz_context(request.user, lesson, enrollment, course=course),
    }


def quiz_context(user, lesson, enrollment, *, course=None):
    """The quiz as the learner sees it. Which choices are right and the explanations reach the page only when the
    quiz's review policy allows (never, after passing, or when the learner's attempts are over); before that the
    learner sees their score alone. The form is shown only when the learner may submit now; otherwise the page
    says why, in the words the server would refuse with.

    The form asks this attempt's questions (courses.draws: the quiz's own, then those drawn from its banks, fixed for
    the learner and attempt), in the lesson's language, and carries their ids signed; the review shows the questions
    the latest attempt asked. Choices are in the attempt's shuffled order. A fixed number of queries whatever the
    size of the banks or the number of attempts."""
    if lesson.quiz_id is None:
        return {}
    quiz = lesson.quiz
    # Attempts are kept against the original lesson and quiz (courses.services.submit_quiz): matched by key.
    attempts = (
        list(
            QuizAttempt.objects.filter(
                user=user, lesson__translation_key=lesson.translation_key, quiz__translation_key=quiz.translation_key
            ).order_by("-submitted_at", "-id")
        )
        if enrollment
        else []
    )
    latest = attempts[0] if attempts else None
    passed = any(attempt.passed for attempt in attempts)
    review = latest is not None and quiz.shows_review(passed=passed, used=len(attempts))
    refusal = quiz.attempt_refusal(attempts=attempts, now=timezone.now()) if enrollment else None
    source_quiz = original(quiz)
    drawn = ""
    if review:  # the questions the latest attempt asked, in the order it showed them
        attempt_number = len(attempts)
        question_ids = asked_by(latest, source_quiz)
    else:  # the next attempt's
        attempt_number = len(attempts) + 1
        question_ids = drawn_question_ids(source_quiz, user_id=user.pk, attempt_number=attempt_number)
        if enrollment is not None and refusal is None:
            drawn = sign_draw(question_ids, user_id=user.pk, quiz_id=source_quiz.pk, attempt_number=attempt_number)
    shown_questions = [shown for _original, shown in questions_as_shown(question_ids, lesson.locale_id)]
    submitted = {int(key): set(value) for key, value in latest.answers.items()} if review else {}
    if review:
        submitted = answers_as_shown(submitted, shown_questions)
    questions = [
        shown_question(question, user_id=user.pk, attempt_number=attempt_number, submitted=submitted, review=review)
        for question in shown_questions
    ]
    left = None if quiz.max_attempts is None else max(quiz.max_attempts - len(attempts), 0)
    return {
        "quiz": quiz,
        "questions": questions,
        "drawn": drawn,
        "attempt": latest,
        "attempts_left": left,
        "show_review": review,
        "review_note": "" if review or latest is None else review_note(quiz),
        "can_submit": enrollment is not None and refusal is None,
        "refusal": refusal.message if refusal is not None and not passed else "",
        "history_url": reverse("courses:attempts", args=[course.id, lesson.id]) if attempts and course else "",
    }


def asked_by(attempt, source_quiz):
    """The original question ids an attempt asked; an attempt from before draws were kept asked the quiz's own."""
    if attempt.question_ids:
        return list(attempt.question_ids)
    return list(source_quiz.questions.order_by("sort_order", "id").values_list("id", flat=True))


def shown_question(question, *, user_id, attempt_number, submitted, review):
    """One question as a page shows it: its choices in the attempt's order; with the learner's answers when
    ``submitted`` has them, and the right answers and the explanation only when ``review`` allows."""
    choices = shuffled(question.choices.all(), user_id=user_id, question_id=question.id, attempt_number=attempt_number)
    shown = {
        "id": question.id,
        "text": question.text,
        "multiple": not question.has_one_answer,
        "points": question.points,
        "choices": [(choice.id, choice.text) for choice in choices],
        "selected": submitted.get(question.id, set()),
    }
    if review:
        right = {choice.id for choice in choices if choice.correct}
        shown.update(right=right, correct=shown["selected"] == right, explanation=question.explanation)
    return shown


def answers_as_shown(submitted, questions):
    """The submitted answers (kept as the original quiz's question and choice ids) as the ids of the ``questions``
    shown (a translation's): a question or choice and its translation share a translation key. Nothing to look up
    when the page shows the original quiz."""
    shown_ids = {question.id for question in questions}
    if set(submitted) <= shown_ids:
        return submitted
    question_keys = dict(Question.objects.filter(id__in=submitted).values_list("id", "translation_key"))
    chosen = set().union(*submitted.values()) if submitted else set()
    choice_keys = dict(Choice.objects.filter(id__in=chosen).values_list("id", "translation_key"))
    shown_question = {question.translation_key: question.id for question in questions}
    shown_choice = {choice.translation_key: choice.id for question in questions for choice in question.choices.all()}
    result = {}
    for question_id, selected in submitted.items():
        shown = shown_question.get(question_keys.get(question_id))
        if shown is not None:
            result[shown] = {shown_choice[choice_keys[c]] for c in selected if choice_keys.get(c) in shown_choice}
    return result


# --- Attempt history ------------------------------------------------------------------------------


def my_attempts(user, lesson):
    """The learner's attempts at the lesson's quiz, oldest first, each with its ``number`` (1, 2, …): one query.
    Kept against the original lesson and quiz, matched by translation key like the lesson page's."""
    attempts = list(
        QuizAttempt.objects.filter(
            user=user, lesson__translation_key=lesson.translation_key, quiz__translation_key=lesson.quiz.translation_key
        ).order_by("submitted_at", "id")
    )
    for number, attempt in enumerate(attempts, start=1):
        attempt.number = number
    return attempts


def attempt_history_context(user, lesson):
    """The attempt history page: every attempt, newest first, with its score and points. Two queries (the quiz and
    the attempts) whatever the number of attempts."""
    quiz = lesson.quiz
    attempts = my_attempts(user, lesson)
    passed = any(attempt.passed for attempt in attempts)
    return {
        "quiz": quiz,
        "attempts": attempts[::-1],
        "show_review": bool(attempts) and quiz.shows_review(passed=passed, used=len(attempts)),
        "review_note": review_note(quiz) if attempts else "",
    }


def attempt_review_context(user, lesson, attempt_id):
    """One of the learner's attempts as it was asked: the questions it drew (in the lesson's language), the
    learner's answers and, when the quiz's review policy allows now, the right answers, the explanations and the
    points each question earned. None when the attempt is not this learner's at this lesson's quiz. A fixed number
    of queries whatever the number of questions or attempts."""
    quiz = lesson.quiz
    attempts = my_attempts(user, lesson)
    attempt = next((attempt for attempt in attempts if attempt.id == attempt_id), None)
    if attempt is None:
        return None
    passed = any(item.passed for item in attempts)
    review = quiz.shows_review(passed=passed, used=len(attempts))
    pairs = questions_as_shown(asked_by(attempt, original(quiz)), lesson.locale_id)
    shown_questions = [shown for _original, shown in pairs]
    submitted = answers_as_shown({int(key): set(value) for key, value in attempt.answers.items()}, shown_questions)
    earned = dict(attempt.results.values_list("question_id", "points")) if review else {}
    questions = []
    for original_question, question in pairs:
        item = shown_question(
            question, user_id=user.pk, attempt_number=attempt.number, submitted=submitted, review=review
        )
        item["earned"] = earned.get(original_question.id, 0)
        questions.append(item)
    return {
        "quiz": quiz,
        "attempt": attempt,
        "questions": questions,
        "show_review": review,
        "review_note": "" if review else review_note(quiz),
    }


def review_note(quiz):
    """What a learner who may not see the right answers yet is told about when they will."""
    if quiz.review_policy == Quiz.ReviewPolicy.AFTER_PASSING:
        return _("The right answers and their explanations are shown once you pass.")
    if quiz.review_policy == Quiz.ReviewPolicy.AFTER_LAST_ATTEMPT:
        if quiz.max_attempts is None:
            return _("The right answers and their explanations are shown once you pass.")
        return _("The right answers and their explanations are shown once you pass or have used your last attempt.")
    return _("This quiz does not show the right answers.")


# --- Catalogue -----------------------------------------------------------------------------------


FACETS = ("topic", "level", "language", "format", "audience")
FIELD_FACETS = ("level", "language", "format", "audience")


def filter_courses(courses, filters, skip=None):
    if filters.get("q") and skip != "q":
        words = filters["q"].split()
        for word in words[:8]:
            courses = courses.filter(Q(title__icontains=word) | Q(summary__icontains=word))
    if filters.get("topic") and skip != "topic":
        courses = with_topic(CoursePage, courses, [filters["topic"]])
    for name in FIELD_FACETS:
        if filters.get(name) and skip != name:
            courses = courses.filter(**{name: filters[name]})
    return courses


def facet_counts(base, filters):
    """For each facet, {value: count} under the other filters (so choosing one never hides the rest)."""
    counts = {name: value_counts(filter_courses(base, filters, skip=name), name) for name in FIELD_FACETS}
    counts["topic"] = topic_counts(CoursePage, filter_courses(base, filters, skip="topic"))
    return counts


# The query parameters the catalogue reads; any other is ignored (and left out of its rendered HTML, core.listings).
CATALOGUE_PARAMETERS = ("q", *FACETS, "page")
# Only what a card shows (templates/courses/course_page_card.html): not the body and outcomes of every course.
CARD_FIELDS = (
    *PAGE_CARD_FIELDS,
    "level",
    "effort_hours",
    "format",
    "audience",
    "cover_image",
)


def catalogue_courses(index_page):
    # Members-only courses too: their pages are public (only their lessons are restricted), marked on the card.
    return CoursePage.objects.child_of(index_page).live().public()


def catalogue_version(index_page, courses=None):
    return listing_version(catalogue_courses(index_page) if courses is None else courses, index_page)


def catalogue_context(request, index_page, query=None, courses=None):
    """What the catalogue's filters and cards show for ``query`` (default: the request's GET). ``courses``, when the
    caller has them, are the catalogue's public courses (Wagtail's ``.public()`` reads the view restrictions each
    time it is called)."""
    query = request.GET if query is None else query
    base = catalogue_courses(index_page) if courses is None else courses
    topics = list(Topic.objects.for_reader().order_by("name"))
    form = CourseCatalogueForm(query or None, topics=topics)
    filters = form.filters()
    listing = filter_courses(base, filters).order_by("title").distinct().only(*CARD_FIELDS)
    page = paginate(request, listing, CATALOGUE_PAGE_SIZE, query)
    counts = facet_counts(base, filters)
    counts["topic"] = by_slug(counts["topic"], topics)
    form.attach_counts(counts)
    return {
        "form": form,
        "items": page,
        "active_filters": {k: v for k, v in filters.items() if v},
        "listing_query": query,
    }


# --- /me/ and the focal-point report --------------------------------------------------------------


def my_learning(user):
    """[(enrollment, progress, next lesson or None)] for /me/: six queries whatever the number of courses.

    Enrolments are kept against the original courses; each enrolment's ``shown_course`` and the next lesson are the
    pages in the reader's language (a translation, or the alias standing in), else the originals."""
    enrollments = list(
        Enrollment.objects.current()
        .filter(user=user, course__live=True)
        .select_related("course", "user", "certificate")  # for Enrollment.completed_on
        .order_by("-enrolled_at")
    )
    progress = progress_for(enrollments)
    shown_courses = in_language_of_reader([e.course for e in enrollments], CoursePage)
    next_ids = [p.next_lesson_id for p in progress.values() if p.next_lesson_id]
    next_lessons = in_language_of_reader(LessonPage.objects.filter(id__in=next_ids), LessonPage) if next_ids else {}
    for enrollment in enrollments:
        enrollment.shown_course = shown_courses[enrollment.course_id]
    return [(e, progress[e.id], next_lessons.get(progress[e.id].next_lesson_id)) for e in enrollments]


def organisation_learning(organisation):
    """{user id: [enrolled, completed, average percent]} for the organisation's approved staff."""
    from members.models import Membership

    enrollments = list(
        Enrollment.objects.current()
        .filter(
            user__membership__organisation=organisation,
            user__membership__status=Membership.Status.APPROVED,
            course__live=True,
        )
        .select_related("course")
    )
    progress = progress_for(enrollments)
    per_user = defaultdict(list)
    for enrollment in enrollments:
        per_user[enrollment.user_id].append(progress[enrollment.id])
    return {
        user_id: [len(items), sum(1 for p in items if p.is_complete), round(sum(p.percent for p in items) / len(items))]
        for user_id, items in per_user.items()
    }


def certificate_course_title(certificate, language):
    """The course's (or learning path's) title on ``certificate`` in ``language``: the title of its translation into
    it when there is one, else the title the certificate was issued with (the original page's). One query."""
    if certificate.path_completion_id:
        model, issued_for = LearningPathPage, Q(completions__certificate=certificate)
    else:
        model, issued_for = CoursePage, Q(enrollments__certificate=certificate)
    translated = (
        model.objects.filter(
            translation_key__in=model.objects.filter(issued_for).values("translation_key"),
            locale__language_code=language,
            alias_of__isnull=True,  # an alias stands in with the original's words: not a translation
        )
        .exclude(issued_for)  # the original itself: the title as issued
        .values_list("title", flat=True)
        .first()
    )
    return translated or certificate.course_title


def learner_language(user):
    """The language a learner's certificate is printed in: their preferred language, else the site's."""
    from django.conf import settings

    codes = {code for code, _name in settings.LANGUAGES}
    preferred = getattr(user, "preferred_language", "")
    return preferred if preferred in codes else settings.LANGUAGE_CODE


def my_certificates(user):
    """The certificates of ``user``'s courses and learning paths, newest first: one query."""
    return list(
        Certificate.objects.filter(Q(enrollment__user=user) | Q(path_completion__user=user)).order_by(
            "-issued_on", "-id"
        )
    )


def cohort_runs(course):
    """The course's runs that have not ended, each with seats left and why enrolment is closed: two queries."""
    runs = list(
        CohortRun.objects.filter(course__translation_key=course.translation_key, ends_on__gte=timezone.localdate())
        .select_related("facilitator")
        .annotate(taken=Count("enrollments", filter=~Q(enrollments__status=Enrollment.Status.WITHDRAWN)))
        .order_by("starts_on", "id")  # Meta.ordering does not apply to an aggregate query
    )
    now = timezone.now()
    for run in runs:
        run.seats_left = max(run.seats - run.taken, 0)
        run.closed = run.closed_reason(now) or (_("This run is full.") if not run.seats_left else "")
    return runs


def learning_by_course(enrollments):
    """Rows of (course id, course title, extra group value…, enrolled, completed, valid certificates)."""
    return enrollments.annotate(
        enrolled=Count("id"),
        completed=Count("id", filter=Q(status=Enrollment.Status.COMPLETED)),
        certificates=Count("certificate", filter=Q(certificate__revoked_at__isnull=True)),
    )


def organisation_courses(organisation):
    """Per course, how many of the city's approved staff enrolled, completed and hold a certificate: one query."""
    from members.models import Membership

    staff_enrollments = Enrollment.objects.current().filter(
        user__membership__organisation=organisation, user__membership__status=Membership.Status.APPROVED
    )
    rows = learning_by_course(staff_enrollments.values("course__title")).order_by("course__title")
    return [[row["course__title"], row["enrolled"], row["completed"], row["certificates"]] for row in rows]


def learning_by_region_and_course(*, region="", course=None):
    """The secretariat's figures: per course and member-city region, enrolled, completed, certificates."""
    enrollments = Enrollment.objects.current()
    if region:
        enrollments = enrollments.filter(user__membership__organisation__region=region)
    if course is not None:  # enrolments are the original's: any translation of the course names it
        enrollments = enrollments.filter(course__translation_key=course.translation_key)
    rows = learning_by_course(enrollments.values("course__title", "user__membership__organisation__region"))
    return list(rows.order_by("course__title", "user__membership__organisation__region"))


# --- Open Badges credentials ----------------------------------------------------------------------


def revoked_certificate_ids():
    """(ids of revoked certificates, the highest certificate id) for the revocation status list: two queries."""
    revoked = list(Certificate.objects.filter(revoked_at__isnull=False).values_list("id", flat=True))
    highest = Certificate.objects.aggregate(highest=Max("id"))["highest"] or 0
    return revoked, highest


def achievement_page(page_id):
    """(the original course or learning path with this id, "course" or "path") when its achievement is public (it
    is live, or a certificate of it was issued), else (None, ""). At most two queries."""
    from .models import LearningPathPage

    visible = Q(live=True)
    course = (
        CoursePage.objects.filter(visible | Q(enrollments__certificate__isnull=False), pk=page_id)
        .only("id", "title")
        .first()
    )
    if course is not None:
        return course, "course"
    path = (
        LearningPathPage.objects.filter(visible | Q(completions__certificate__isnull=False), pk=page_id)
        .only("id", "title")
        .first()
    )
    return (path, "path") if path is not None else (None, "")


def certificate_for_holder_download(code):
    """The certificate with ``code`` and its holder (for the download views' access rule): one query."""
    return (
        Certificate.objects.select_related("enrollment__user", "path_completion__user")
        .filter(code=code or None)
        .first()
    )
