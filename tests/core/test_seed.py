import io

import pytest
from allauth.account.models import EmailAddress
from django.apps import apps
from django.core.management import call_command
from wagtail.models import Page, Site

from members.models import Organisation, Region, User

pytestmark = pytest.mark.django_db


def row_counts():
    return {model._meta.label: model.objects.count() for model in apps.get_models() if model._meta.managed}


def seed():
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def test_seed_demo_is_idempotent_and_shows_progress(demo_site):
    first_output = demo_site.output
    after_first = row_counts()
    second_output = seed()
    after_second = row_counts()
    changed = {
        label: (after_first[label], after_second[label])
        for label in after_first
        if after_first[label] != after_second[label] and not label.startswith(("wagtailcore.Revision",))
    }
    assert changed == {}
    assert "[1/" in first_output and "Demo content is ready." in first_output
    assert " 0 created" in second_output and "101 created" not in second_output


def test_seed_demo_builds_the_whole_page_tree_and_101_organisations_in_every_region(demo_site):
    home = Site.objects.get(is_default_site=True).root_page
    assert home.specific_class.__name__ == "HomePage"
    slugs = set(home.get_children().live().values_list("slug", flat=True))
    assert {"courses", "toolkits", "cases", "events", "about"} <= slugs
    assert not Page.objects.filter(title__startswith="Welcome to your new Wagtail site").exists()
    assert Organisation.objects.count() == 101
    assert set(Organisation.objects.values_list("region", flat=True)) == set(Region.values)
    assert Organisation.objects.filter(is_demo=True).count() == 101
    assert all("Demo data" in text for text in Organisation.objects.values_list("description", flat=True))


def test_demo_people_can_sign_in(client, demo_site):
    admin = User.objects.get(email="admin@wego-hub.example")
    assert admin.is_superuser and admin.is_staff
    assert EmailAddress.objects.filter(user=admin, verified=True).exists()
    assert User.objects.filter(is_staff=False).count() >= 3
    response = client.post("/accounts/login/", {"login": admin.email, "password": "wego-hub-demo-2026"})
    assert response.status_code == 302
    assert client.get("/admin/").status_code == 200
