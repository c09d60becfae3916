from .models import CoursePage


def latest_courses(limit=3):
    return CoursePage.objects.live().public().order_by("-first_published_at")[:limit]
