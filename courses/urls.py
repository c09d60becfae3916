from django.urls import path

from . import views

app_name = "courses"

urlpatterns = [
    path("courses/<int:course_id>/enroll/", views.enroll, name="enroll"),
    path("courses/<int:course_id>/unenroll/", views.unenroll, name="unenroll"),
    path("courses/<int:course_id>/lessons/<int:lesson_id>/complete/", views.complete_lesson, name="complete"),
    path("courses/<int:course_id>/lessons/<int:lesson_id>/quiz/", views.submit_quiz, name="submit_quiz"),
    path("courses/<int:course_id>/lessons/<int:lesson_id>/attempts/", views.quiz_attempts, name="attempts"),
    path(
        "courses/<int:course_id>/lessons/<int:lesson_id>/attempts/<int:attempt_id>/",
        views.quiz_attempt,
        name="attempt",
    ),
]
