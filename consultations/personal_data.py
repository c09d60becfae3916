"""What the programme holds about a person, for "Download my data" and "Delete my account" (members.personal_data;
consultations/hooks/people.py registers both).

The programme's records belong to the cities and the association: an application a person started, their editor
rows, their reviews (scores and comments) and the projects they worked on stay when the account is deleted, and stay
attributed to the anonymised user row (members.personal_data.delete_account keeps the row and empties it). What
goes is what names them elsewhere: their contact details on an application, and their name in its history.
"""

from django.db.models import Prefetch, Q

from members.models import Membership

from .models import Application, ApplicationEvent, Assignment, Editor, Milestone, Project, Score

KEY = "consultation_programme"

# History lines whose note is the name of the person the step was about (services._record).
NAMED_IN_NOTE = {
    ApplicationEvent.Verb.EDITOR_ADDED: "city",
    ApplicationEvent.Verb.EDITOR_REMOVED: "city",
    ApplicationEvent.Verb.REVIEWER_ASSIGNED: "reviewer",
    ApplicationEvent.Verb.PROJECT_STARTED: "consultant",
}


def _iso(value):
    return value.isoformat() if value else None


def _about(application):
    return {
        "call": application.call.title,
        "city": application.organisation.name,
        "application": application.title,
        "reference": application.reference,
    }


def export(user):
    """(key, value) for the personal data export: one key, with what the person did in the programme."""
    applications = Application.objects.select_related("call", "organisation")
    started = applications.filter(created_by=user).order_by("created_at", "pk")
    contact_of = applications.filter(contact_email__iexact=user.email).order_by("created_at", "pk")
    editor_rows = Editor.objects.filter(user=user).select_related("application__call", "application__organisation")
    reviews = (
        Assignment.objects.filter(reviewer=user)
        .select_related("application__call", "application__organisation")
        .prefetch_related(Prefetch("scores", queryset=Score.objects.select_related("criterion").order_by("pk")))
        .order_by("assigned_at", "pk")
    )
    projects = (
        Project.objects.filter(consultants=user)
        .select_related("application__call", "application__organisation")
        .prefetch_related(Prefetch("milestones", queryset=Milestone.objects.order_by("position")))
        .order_by("started_at", "pk")
    )
    actions = ApplicationEvent.objects.filter(actor=user).select_related("application").order_by("at", "pk")
    return (
        KEY,
        {
            "applications_started": [
                {
                    **_about(a),
                    "status": a.status,
                    "started_at": _iso(a.created_at),
                    "submitted_at": _iso(a.submitted_at),
                }
                for a in started
            ],
            "named_as_contact": [
                {**_about(a), "contact_name": a.contact_name, "contact_email": a.contact_email} for a in contact_of
            ],
            "editor_of": [{**_about(e.application), "added_at": _iso(e.added_at)} for e in editor_rows],
            "reviews": [
                {
                    **_about(r.application),
                    "status": r.status,
                    "assigned_at": _iso(r.assigned_at),
                    "submitted_at": _iso(r.submitted_at),
                    "comment": r.comment,
                    "conflict_of_interest": r.conflict_note,
                    "scores": [
                        {"criterion": s.criterion.name, "score": s.score, "comment": s.comment} for s in r.scores.all()
                    ],
                }
                for r in reviews
            ],
            "projects_as_consultant": [
                {
                    **_about(p.application),
                    "status": p.status,
                    "started_at": _iso(p.started_at),
                    "completed_at": _iso(p.completed_at),
                    "milestones_recorded": [
                        {"milestone": m.kind, "done_at": _iso(m.completed_at), "note": m.note}
                        for m in p.milestones.all()
                        if m.completed_by_id == user.pk
                    ],
                }
                for p in projects
            ],
            "history": [
                {"application": e.application.title, "did": e.verb, "note": e.note, "at": _iso(e.at)} for e in actions
            ],
        },
    )


def anonymous_name(user):
    """The name the anonymised row shows (members.personal_data.delete_account: "deleted-<id>@deleted.invalid")."""
    return f"deleted-{user.pk}"


def forget(user):
    """Account deletion: keep the programme's rows (they stay on the anonymised user row); remove the person's
    contact details from applications and their name from the applications' history."""
    Application.objects.filter(contact_email__iexact=user.email).update(contact_name="", contact_email="")
    name, replacement = user.display_name, anonymous_name(user)
    if not name:
        return
    membership = Membership.objects.filter(user=user).first()
    where = {
        "city": Q(application__editors__user=user)
        | (Q(application__organisation_id=membership.organisation_id) if membership else Q(pk__in=[])),
        "reviewer": Q(application__assignments__reviewer=user),
        "consultant": Q(application__project__consultants=user),
    }
    lines = ApplicationEvent.objects.none()
    for verb, role in NAMED_IN_NOTE.items():
        lines = lines | ApplicationEvent.objects.filter(where[role], verb=verb)
    for line in lines.distinct():
        names = line.note.split(", ") if line.verb == ApplicationEvent.Verb.PROJECT_STARTED else [line.note]
        if name in names:
            line.note = ", ".join(replacement if part == name else part for part in names)
            line.save(update_fields=["note"])
