"""Demo courses reflecting the association's e-government training programme."""

from core.demo import ensure_child, ensure_index

from .models import CourseIndexPage, CoursePage

COURSES = [
    (
        "e-government-foundations",
        "E-government foundations",
        "Why cities digitise public services, and how to plan the first steps.",
        "introductory",
        6,
        ["e-government"],
    ),
    (
        "open-data-for-cities",
        "Open data for cities",
        "Publish, license and sustain open data that residents and companies use.",
        "intermediate",
        8,
        ["open-data", "data-governance"],
    ),
    (
        "smart-city-strategy",
        "Smart-city strategy and roadmaps",
        "From vision to a funded roadmap: priorities, governance and measuring results.",
        "advanced",
        10,
        ["e-government", "urban-resilience"],
    ),
]


def seed(progress):
    index = ensure_index(
        CourseIndexPage,
        "courses",
        "Courses",
        "E-government training for the staff of member cities.",
        progress,
    )
    for slug, title, summary, level, hours, topics in progress.iterate(COURSES, "courses"):
        _, created = ensure_child(
            index,
            CoursePage,
            slug,
            title=title,
            summary=summary,
            level=level,
            effort_hours=hours,
            topics=topics,
        )
        progress.record(created)
