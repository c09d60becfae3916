import datetime as dt

import factory
import wagtail_factories
from allauth.account.models import EmailAddress
from django.utils import timezone
from django.utils.text import slugify

from cases.models import CaseIndexPage, CasePage
from core.demo import ensure_child, ensure_home_page
from core.models import StandardPage, Topic
from courses.models import CourseIndexPage, CoursePage
from events.models import EventIndexPage, EventPage
from members.models import Organisation, Region, User
from toolkits.models import ToolkitIndexPage, ToolkitPage

PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        skip_postgeneration_save = True

    email = factory.Sequence(lambda n: f"person{n}@city.example")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Person {n}")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)

    @factory.post_generation
    def verified(user, create, extracted, **kwargs):
        if create:
            user.save()
            if extracted is not False:
                EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)


class OrganisationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Organisation

    name = factory.Sequence(lambda n: f"City of Example {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))
    city = factory.Sequence(lambda n: f"Example {n}")
    country = "KR"
    region = Region.ASIA_PACIFIC
    year_joined = 2015


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ("slug",)

    name = factory.Sequence(lambda n: f"Topic {n}")
    slug = factory.LazyAttribute(lambda o: slugify(o.name))


def build_site_tree():
    home, _ = ensure_home_page()
    return {
        "home": home,
        "courses": ensure_child(home, CourseIndexPage, "courses", title="Courses")[0],
        "toolkits": ensure_child(home, ToolkitIndexPage, "toolkits", title="Toolkits")[0],
        "cases": ensure_child(home, CaseIndexPage, "cases", title="Case library")[0],
        "events": ensure_child(home, EventIndexPage, "events", title="Events")[0],
        "about": ensure_child(home, StandardPage, "about", title="About")[0],
    }


class CoursePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CoursePage

    title = factory.Sequence(lambda n: f"Course {n}")
    summary = "Learn what a city needs to know."
    effort_hours = 4


class ToolkitPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = ToolkitPage

    title = factory.Sequence(lambda n: f"Toolkit {n}")
    summary = "A toolkit cities re-use."


class CasePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = CasePage

    title = factory.Sequence(lambda n: f"Case {n}")
    summary = "What a city tried and learned."
    city = "Seoul"
    country = "KR"
    start_year = 2022


class EventPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = EventPage

    title = factory.Sequence(lambda n: f"Event {n}")
    summary = "Cities meet."
    # Whole minutes, as an editor types them (and as iCalendar, with whole seconds, can carry them).
    start = factory.LazyFunction(lambda: (timezone.now() + dt.timedelta(days=10)).replace(second=0, microsecond=0))
    end = factory.LazyAttribute(lambda o: o.start + dt.timedelta(hours=3))
    time_zone = "Asia/Seoul"
    city = "Seoul"
    country = "KR"


def make_member(organisation, role="staff", **user_fields):
    """An approved, verified member of ``organisation`` (through the real service)."""
    from members import services

    user = UserFactory(**user_fields)
    services.add_member(user=user, organisation=organisation, role=role)
    return user


def make_course(index, title="Open data basics", modules=2, lessons_per_module=2, **fields):
    """A published course with modules and lessons (the last lesson of the last module optional if asked)."""
    optional_last = fields.pop("optional_last", False)
    course = CoursePageFactory(parent=index, title=title, **fields)
    lessons = []
    for m in range(1, modules + 1):
        module = ModulePageFactory(parent=course, title=f"{title}: module {m}")
        for n in range(1, lessons_per_module + 1):
            is_last = m == modules and n == lessons_per_module
            lessons.append(
                LessonPageFactory(parent=module, title=f"{title}: lesson {m}.{n}", optional=optional_last and is_last)
            )
    return course, lessons


class ModulePageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.ModulePage"

    title = factory.Sequence(lambda n: f"Module {n}")


class LessonPageFactory(wagtail_factories.PageFactory):
    class Meta:
        model = "courses.LessonPage"

    title = factory.Sequence(lambda n: f"Lesson {n}")
    estimated_minutes = 15
