"""courses 0007: a members-only course restricted by the old rule (its own page, to the Members group) ends with a
public course page and each module restricted to the Members group; the reverse puts it back. The old state is
built with the historical models of 0006, the way a database from before 9fddbde holds it."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from courses.models import CoursePage, LessonPage

pytestmark = pytest.mark.django_db(transaction=True)  # migrating needs the schema editor outside a transaction

BEFORE = [("courses", "0006_quiz_review_policy_and_certificate_time_zone")]
AFTER = [("courses", "0007_members_only_privacy_on_modules")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return MigrationExecutor(connection).loader.project_state(targets).apps


@pytest.fixture
def old_apps():
    apps = migrate(BEFORE)
    yield apps
    migrate(MigrationExecutor(connection).loader.graph.leaf_nodes())  # every app at its latest, for the next tests


class OldTree:
    """Pages made with historical models (no treebeard methods): paths and depths written by hand."""

    def __init__(self, apps):
        self.apps = apps
        self.Page = apps.get_model("wagtailcore", "Page")
        self.ContentType = apps.get_model("contenttypes", "ContentType")
        self.locale, _ = apps.get_model("wagtailcore", "Locale").objects.get_or_create(language_code="en")
        self.root = self.Page.objects.filter(depth=1).first() or self.Page.objects.create(
            title="Root",
            slug="root",
            path="0001",
            depth=1,
            content_type=self.content_type("wagtailcore", "page"),
            locale=self.locale,
        )
        self.step = 0

    def content_type(self, app_label, model):
        return self.ContentType.objects.get_or_create(app_label=app_label, model=model)[0]

    def add(self, parent, model_name, title, **fields):
        self.step += 1
        model = self.apps.get_model("courses", model_name)
        parent.numchild += 1
        self.Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild)
        path = parent.path + (f"ZZ{self.step:02d}" if parent.depth == 1 else f"{parent.numchild:04d}")
        return model.objects.create(
            title=title,
            draft_title=title,
            slug=f"{title.lower().replace(' ', '-')}-{self.step}",
            path=path,
            depth=parent.depth + 1,
            url_path=f"/{title}/",
            live=True,
            content_type=self.content_type("courses", model_name.lower()),
            locale=self.locale,
            **fields,
        )

    def restrict(self, page, *groups):
        restriction = self.apps.get_model("wagtailcore", "PageViewRestriction").objects.create(
            page_id=page.pk, restriction_type="groups"
        )
        restriction.groups.set(groups)
        return restriction

    def course(self, title, audience, modules=2):
        index = self.add(self.root, "CourseIndexPage", f"{title} catalogue")
        course = self.add(index, "CoursePage", title, audience=audience)
        built = []
        for number in range(1, modules + 1):
            module = self.add(course, "ModulePage", f"{title} module {number}")
            self.add(module, "LessonPage", f"{title} lesson {number}")
            built.append(module)
        return course, built


def restrictions_by_page(apps, pages):
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    found = {page.pk: [] for page in pages}
    for restriction in PageViewRestriction.objects.filter(page_id__in=found).prefetch_related("groups"):
        found[restriction.page_id].append(
            (restriction.restriction_type, sorted(group.name for group in restriction.groups.all()))
        )
    return {page.pk: sorted(found[page.pk]) for page in pages}


def test_members_only_privacy_moves_from_the_course_page_to_its_modules_and_back(old_apps):
    apps = old_apps
    Group = apps.get_model("auth", "Group")
    members, _ = Group.objects.get_or_create(name="Members")
    jury = Group.objects.create(name="Jury")
    tree = OldTree(apps)

    # The old rule: the members-only course's page restricted to the Members group, its modules not.
    strategy, (first, second, third) = tree.course("Smart-city strategy", "members", modules=3)
    tree.restrict(strategy, members)
    tree.restrict(second, members)  # saved once under the new rule already: not doubled
    tree.restrict(third, jury)  # an editor's own restriction: kept, and the Members one added
    # A public course, and a members-only course an editor also opened to the jury on its page.
    open_data, open_modules = tree.course("Open data basics", "public")
    review, review_modules = tree.course("Review course", "members", modules=1)
    tree.restrict(review, members, jury)

    apps = migrate(AFTER)
    pages = [strategy, first, second, third, open_data, *open_modules, review, *review_modules]
    assert restrictions_by_page(apps, pages) == {
        strategy.pk: [],
        first.pk: [("groups", ["Members"])],
        second.pk: [("groups", ["Members"])],
        third.pk: [("groups", ["Jury"]), ("groups", ["Members"])],
        open_data.pk: [],
        **{module.pk: [] for module in open_modules},
        review.pk: [],
        **{module.pk: [("groups", ["Members"])] for module in review_modules},
    }
    # Read by the app as it is now: the course pages are public, their lessons restricted.
    assert set(CoursePage.objects.public().values_list("pk", flat=True)) >= {strategy.pk, open_data.pk, review.pk}
    lessons = LessonPage.objects.filter(path__startswith=strategy.path)
    assert lessons.count() == 3 and all(lesson.get_view_restrictions().exists() for lesson in lessons)
    assert not any(
        lesson.get_view_restrictions().exists() for lesson in LessonPage.objects.filter(path__startswith=open_data.path)
    )

    # Backwards: the old placement again (the course page restricted, the modules' Members restrictions gone).
    apps = migrate(BEFORE)
    assert restrictions_by_page(apps, pages) == {
        strategy.pk: [("groups", ["Members"])],
        first.pk: [],
        second.pk: [],
        third.pk: [("groups", ["Jury"])],
        open_data.pk: [],
        **{module.pk: [] for module in open_modules},
        review.pk: [("groups", ["Members"])],
        **{module.pk: [] for module in review_modules},
    }


def test_the_migration_runs_on_a_database_without_courses(old_apps):
    apps = migrate(AFTER)
    assert not apps.get_model("wagtailcore", "PageViewRestriction").objects.exists()
