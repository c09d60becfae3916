"""Quiz submission under a crowd, as at the end of a cohort: 200 signed-in learners submit the same lesson's quiz
at once, each once and passing, through gunicorn (graded on the server, every attempt stored). Once, because a
passed quiz is closed and a failed one waits ten minutes: a repeat would be answered 409."""

from bench.registration_load import crowd_load, crowd_sessions

LEARNERS = 200


def run(base, cookie_name):
    from courses import services
    from courses.models import LessonPage

    lesson = LessonPage.objects.filter(quiz__isnull=False).select_related("quiz").first()
    if lesson is None:
        return None
    course = lesson.course()
    sessions = crowd_sessions(cookie_name, count=LEARNERS)
    from courses.models import QuizAttempt
    from members.models import User

    learners = list(User.objects.filter(email__endswith="@bench.example").order_by("id")[: len(sessions)])
    QuizAttempt.objects.filter(lesson=lesson, user__in=learners).delete()  # a --reuse run starts as the first did
    for user in learners:
        services.enroll(user=user, course=course)
    data = {}
    for question in lesson.quiz.questions.prefetch_related("choices"):
        data[f"question-{question.id}"] = [choice.id for choice in question.choices.all() if choice.correct]
    url = f"{base}/learning/courses/{course.id}/lessons/{lesson.id}/quiz/"
    result = crowd_load(f"quiz submission ({len(sessions)} users)", lesson.url + " (quiz)", sessions, [(url, data)])
    print(
        f"  {result['name']:28} {result['rps']:9.1f} req/s, p95 {result['p95_ms']} ms, {result['non_2xx']} failures",
        flush=True,
    )
    return result
