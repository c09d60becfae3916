"""Members-only courses: Wagtail privacy for the Members group moves from the course page to its modules.

Until 9fddbde a members-only course restricted its own page (so it was hidden from everyone else); since then the
course page is public and each of its modules (so every lesson) is restricted, but existing databases kept the old
restriction until the course was saved again. This applies the new placement to every course whose stored audience
is "members", as ``CoursePage.sync_audience`` would: any view restriction on the course page that names the Members
group goes, and each child module without one gets one. Other restrictions an editor set stay.

Reversing restores the old placement: the course page restricted to the Members group, its modules' Members
restrictions gone (under a restricted course page they added nothing).

Historical models only: no import of the project's code, whose models and rules may have moved on.
"""

from django.db import migrations, models

MEMBERS_GROUP = "Members"  # members.services.MEMBERS_GROUP, created by members 0004
GROUPS = "groups"  # BaseViewRestriction.GROUPS


def members_only_courses(apps):
    return apps.get_model("courses", "CoursePage").objects.filter(audience="members").order_by("path")


def modules_of(apps, course):
    return apps.get_model("courses", "ModulePage").objects.filter(
        path__startswith=course.path, depth=course.depth + 1
    )


def members_restrictions(apps, pages):
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    return PageViewRestriction.objects.filter(
        page__in=[page.pk for page in pages], restriction_type=GROUPS, groups__name=MEMBERS_GROUP
    )


def members_group(apps):
    group, _ = apps.get_model("auth", "Group").objects.get_or_create(name=MEMBERS_GROUP)
    return group


def restrict(apps, page_id, group):
    restriction = apps.get_model("wagtailcore", "PageViewRestriction").objects.create(
        page_id=page_id, restriction_type=GROUPS
    )
    restriction.groups.set([group])


def delete_members_restrictions(apps, pages):
    """Delete by primary key: the join on groups would match a restriction naming two groups twice."""
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    ids = set(members_restrictions(apps, pages).values_list("pk", flat=True))
    PageViewRestriction.objects.filter(pk__in=ids).delete()


def to_modules(apps, schema_editor):
    courses = list(members_only_courses(apps))
    if not courses:
        return
    group = members_group(apps)
    for course in courses:
        delete_members_restrictions(apps, [course])
        modules = list(modules_of(apps, course))
        restricted = set(members_restrictions(apps, modules).values_list("page_id", flat=True))
        for module in modules:
            if module.pk not in restricted:
                restrict(apps, module.pk, group)


def to_course_pages(apps, schema_editor):
    PageViewRestriction = apps.get_model("wagtailcore", "PageViewRestriction")
    courses = list(members_only_courses(apps))
    if not courses:
        return
    group = members_group(apps)
    for course in courses:
        delete_members_restrictions(apps, modules_of(apps, course))
        # As members.services.restrict_page_to_members did: the page's restriction becomes the Members group's.
        restriction = PageViewRestriction.objects.filter(page_id=course.pk).order_by("pk").first()
        if restriction is None:
            restrict(apps, course.pk, group)
        else:
            restriction.restriction_type = GROUPS
            restriction.save(update_fields=["restriction_type"])
            restriction.groups.set([group])


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0006_quiz_review_policy_and_certificate_time_zone"),
        ("members", "0004_members_group"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AlterField(
            model_name="coursepage",
            name="audience",
            field=models.CharField(
                choices=[("public", "Everyone"), ("members", "Staff of member organisations")],
                default="public",
                help_text=(
                    "Everyone finds and reads the course page, marked “Members only”; its lessons open only for "
                    "staff of member cities (Wagtail privacy for the Members group on each module)."
                ),
                max_length=16,
                verbose_name="audience",
            ),
        ),
        migrations.RunPython(to_modules, to_course_pages),
    ]
