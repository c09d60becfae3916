"""Demo courses reflecting the association's e-government training programme."""

from django.utils.text import slugify
from wagtail.models import Locale
from wagtail.rich_text import RichText

from core.demo import ensure_child, ensure_index

from .demo_content import COURSE_INSTRUCTORS, COURSES, INSTRUCTORS, effort_hours, required_minutes
from .models import CourseIndexPage, CoursePage, Instructor, LessonPage, ModulePage


def lesson_body(paragraphs):
    return [("paragraph", RichText("".join(f"<p>{text}</p>" for text in paragraphs)))]


def seed(progress):
    index = ensure_index(
        CourseIndexPage, "courses", "Courses", "E-government training for the staff of member cities.", progress
    )
    instructors = {
        name: Instructor.objects.get_or_create(
            name=name, locale=Locale.get_default(), defaults={"title": title, "organisation": organisation}
        )[0]
        for name, title, organisation in INSTRUCTORS
    }
    for course_data in progress.iterate(COURSES, "courses"):
        slug, title, summary, level, fmt, audience, topics, outcomes, modules = course_data
        course, created = ensure_child(
            index,
            CoursePage,
            slug,
            title=title,
            summary=summary,
            level=level,
            effort_hours=effort_hours(required_minutes(slug, modules)),
            format=fmt,
            audience=audience,
            learning_outcomes=outcomes,
            topics=topics,
        )
        progress.record(created)
        if created:
            course.instructors.set([instructors[name] for name in COURSE_INSTRUCTORS[slug]])
            course.save_revision().publish()
        for module_number, (module_title, intro, lessons) in enumerate(modules, start=1):
            module, _ = ensure_child(course, ModulePage, f"module-{module_number}", title=module_title, intro=intro)
            for lesson_title, minutes, optional, paragraphs in lessons:
                _, lesson_created = ensure_child(
                    module,
                    LessonPage,
                    slugify(lesson_title)[:50],
                    title=lesson_title,
                    estimated_minutes=minutes,
                    optional=optional,
                    body=lesson_body(paragraphs),
                )
                progress.record(lesson_created)
        course.sync_audience()  # a database seeded before members-only courses restricted their modules
