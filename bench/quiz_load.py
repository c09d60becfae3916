"""Quiz submission under a crowd: 50 signed-in learners submit the same lesson's quiz 10 times each, all at once,
through gunicorn (graded on the server, every attempt stored)."""

from bench.registration_load import ROUNDS, crowd_load, crowd_sessions


def run(base, cookie_name):
    from courses import services
    from courses.models import LessonPage

    lesson = LessonPage.objects.filter(quiz__isnull=False).select_related("quiz").first()
    if lesson is None:
        return None
    course = lesson.course()
    sessions = crowd_sessions(cookie_name)
    from members.models import User

    for user in User.objects.filter(email__endswith="@bench.example").order_by("id")[: len(sessions)]:
        services.enroll(user=user, course=course)
    data = {}
    for question in lesson.quiz.questions.prefetch_related("choices"):
        data[f"question-{question.id}"] = [choice.id for choice in question.choices.all() if choice.correct]
    url = f"{base}/learning/courses/{course.id}/lessons/{lesson.id}/quiz/"
    result = crowd_load(
        f"quiz submission ({len(sessions)} users)", lesson.url + " (quiz)", sessions, [(url, data)] * ROUNDS
    )
    print(
        f"  {result['name']:28} {result['rps']:9.1f} req/s, p95 {result['p95_ms']} ms, {result['non_2xx']} failures",
        flush=True,
    )
    return result
