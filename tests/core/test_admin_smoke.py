"""The secretariat's admin answers without errors on the seeded site: listings, add and edit forms."""

import pytest
from django.urls import reverse
from wagtail.models import Page

from courses.models import CoursePage, LessonPage, ModulePage
from members.models import Organisation

pytestmark = pytest.mark.django_db


def test_admin_pages_answer_for_the_secretariat(admin_client, demo_site):
    course = CoursePage.objects.first()
    module = ModulePage.objects.first()
    lesson = LessonPage.objects.first()
    urls = [
        reverse("wagtailadmin_home"),
        reverse("wagtailadmin_explore", args=[Page.objects.get(locale__language_code="en", depth=2).id]),
        reverse("wagtailadmin_explore", args=[course.get_parent().id]),
        reverse("wagtailadmin_pages:edit", args=[course.id]),
        reverse("wagtailadmin_pages:edit", args=[module.id]),
        reverse("wagtailadmin_pages:edit", args=[lesson.id]),
        reverse("wagtailadmin_pages:add", args=["courses", "coursepage", course.get_parent().id]),
        reverse("wagtailadmin_pages:add", args=["courses", "lessonpage", module.id]),
        reverse("wagtailsnippets_members_organisation:list"),
        reverse("wagtailsnippets_members_organisation:edit", args=[Organisation.objects.first().pk]),
        reverse("wagtailsnippets_members_membership:list"),
        reverse("wagtailsnippets_members_invitation:list"),
        reverse("wagtailsnippets_courses_enrollment:list"),
        reverse("wagtailsnippets_courses_instructor:list"),
        reverse("wagtailsnippets_core_topic:list"),
        reverse("members_membership_report"),
        reverse("wagtaildocs:index"),
        reverse("wagtailimages:index"),
        reverse("wagtailusers_users:index"),
    ]
    failures = {url: status for url in urls if (status := admin_client.get(url).status_code) != 200}
    assert failures == {}


def test_organisations_export_as_csv(admin_client, demo_site):
    response = admin_client.get(reverse("wagtailsnippets_members_organisation:list"), {"export": "csv"})
    assert response.status_code == 200
    content = b"".join(response.streaming_content).decode() if response.streaming else response.content.decode()
    assert content.count("\n") >= 101
    assert "Seoul Metropolitan Government" in content
