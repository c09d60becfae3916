from .models import CasePage


def recent_cases(limit=3):
    return CasePage.objects.live().public().order_by("-first_published_at")[:limit]
