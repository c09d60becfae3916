"""A completed project becomes a draft case in the library, in the library's own review workflow.

The consultant who completes the project is the case's author (its owner and the one who asked for review): the
city's focal point signs it off, the secretariat reviews and publishes it (cases.review). The case starts with what
the programme knows (kind, city, topics, year, partners, the challenge and the plan in the city's words, the final
report attached) and the consultant writes the rest in the admin.
"""

from django.core.files.base import ContentFile
from django.utils.html import escape
from django.utils.text import slugify
from wagtail.documents import get_document_model
from wagtail.models import Collection

from cases.models import CaseIndexPage, CasePage
from core.i18n import in_default_language

from .models import CallPage, Milestone, Project

KIND_TO_CASE = {
    CallPage.Kind.FEASIBILITY_STUDY: (CasePage.Kind.FEASIBILITY_STUDY, CasePage.Stage.FEASIBILITY),
    CallPage.Kind.PILOT_PROJECT: (CasePage.Kind.PILOT_PROJECT, CasePage.Stage.PILOT),
    CallPage.Kind.TECHNICAL_ADVICE: (CasePage.Kind.RESEARCH_PROJECT, CasePage.Stage.IDEA),
}


def paragraphs(text):
    """Plain text typed by the city as rich-text paragraphs (escaped: it is the city's text, not markup)."""
    return "".join(f"<p>{escape(part.strip())}</p>" for part in text.split("\n\n") if part.strip())


def unique_slug(index, title):
    base = slugify(title)[:70] or "case"
    slug, number = base, 2
    while CasePage.objects.child_of(index).filter(slug=slug).exists():
        slug, number = f"{base}-{number}", number + 1
    return slug


def attach_report(milestone: Milestone, title: str):
    """The final report as a library document (the case's report is public once the case is published)."""
    milestone.deliverable.open("rb")
    try:
        content = milestone.deliverable.read()
    finally:
        milestone.deliverable.close()
    document = get_document_model()(title=title, collection=Collection.get_first_root_node())
    document.file.save(milestone.deliverable_filename, ContentFile(content), save=False)
    document.save()
    return document


def create(*, project: Project, author, final_report: Milestone) -> CasePage:
    from cases import review

    application = project.application
    call = application.call
    index = in_default_language(CaseIndexPage.objects.all()).first() or CaseIndexPage.objects.first()
    kind, stage = KIND_TO_CASE[call.kind]
    report = attach_report(final_report, f"{application.title}: final report")
    case = CasePage(
        title=application.title,
        slug=unique_slug(index, application.title),
        summary=(application.objectives.strip().split("\n")[0][:480] or application.title),
        organisation=application.organisation,
        kind=kind,
        stage=stage,
        start_year=call.programme_year,
        partners=application.partners,
        challenge=paragraphs(application.challenge),
        approach=paragraphs(application.objectives),
        results=paragraphs(application.expected_outcomes),
        contact_name=application.contact_name,
        contact_email=application.contact_email,
        reports=[("report", report)],
        live=False,
        owner=author,
    )
    index.add_child(instance=case)
    case.topics.set(call.topics.all())
    case.consultants.set(project.consultants.all())
    case.save_revision(user=author)
    review.ensure_review_workflow(index).start(case, author)
    return case
