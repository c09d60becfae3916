"""Who may see and do what in the programme. Every view and file download asks here; nothing relies on a hidden link.

- The city: its approved focal points, and the colleagues a focal point made editors of an application.
- Reviewers (the "Consultation reviewers" group): only the applications assigned to them, never their own city's.
- The secretariat (the "Consultation secretariat" group, or a superuser): everything.
- A project's consultants: their project, and the application it came from.
"""

from django.contrib.auth.models import Group, Permission
from django.db.models import Q

from members.models import Membership, Organisation

SECRETARIAT_GROUP = "Consultation secretariat"
REVIEWERS_GROUP = "Consultation reviewers"


def ensure_groups():
    """The programme's two groups and their permissions (idempotent: migrations' post_migrate and seeding call it)."""
    secretariat, _created = Group.objects.get_or_create(name=SECRETARIAT_GROUP)
    reviewers, _created = Group.objects.get_or_create(name=REVIEWERS_GROUP)
    perms = Permission.objects.filter(content_type__app_label="consultations")
    secretariat.permissions.add(*perms.filter(codename__in=["manage_programme", "review_applications"]))
    reviewers.permissions.add(*perms.filter(codename="review_applications"))
    return secretariat, reviewers


def is_secretariat(user):
    return user.is_authenticated and user.is_active and user.has_perm("consultations.manage_programme")


def is_reviewer(user):
    return user.is_authenticated and user.is_active and user.has_perm("consultations.review_applications")


def city_membership(user):
    """The person's approved membership of an active member city, or None."""
    if not user.is_authenticated:
        return None
    return (
        Membership.objects.select_related("organisation")
        .filter(
            user=user,
            status=Membership.Status.APPROVED,
            organisation__status=Organisation.Status.ACTIVE,
            organisation__kind=Organisation.Kind.MEMBER_CITY,
        )
        .first()
    )


def leads(user, organisation_id):
    membership = city_membership(user)
    return membership is not None and membership.organisation_id == organisation_id and membership.is_focal_point


def is_colleague(user, organisation_id):
    membership = city_membership(user)
    return membership is not None and membership.organisation_id == organisation_id


def city_may_see(user, application):
    """The city's side: its focal points and the application's editors (still staff of the city)."""
    if not is_colleague(user, application.organisation_id):
        return False
    return leads(user, application.organisation_id) or application.editors.filter(user=user).exists()


def may_edit(user, application):
    return application.is_editable and city_may_see(user, application)


def assignment_of(user, application):
    if not user.is_authenticated:
        return None
    return application.assignments.filter(reviewer=user).first()


def consultant_of(user, application):
    if not user.is_authenticated:
        return False
    from .models import Project

    return Project.objects.filter(application=application, consultants=user).exists()


def may_see(user, application):
    """Whether the person may read the application at all (its text and its files)."""
    if not user.is_authenticated or not user.is_active:
        return False
    if is_secretariat(user) or city_may_see(user, application) or consultant_of(user, application):
        return True
    assignment = assignment_of(user, application)
    return assignment is not None and assignment.status != assignment.Status.CONFLICT


def visible_to_city(user):
    """Q for the applications a person sees as their city's (see ``city_may_see``)."""
    membership = city_membership(user)
    if membership is None:
        return Q(pk__in=[])
    mine = Q(organisation_id=membership.organisation_id)
    if membership.is_focal_point:
        return mine
    return mine & Q(editors__user=user)


def may_see_project(user, project):
    if not user.is_authenticated or not user.is_active:
        return False
    return (
        is_secretariat(user)
        or project.consultants.filter(pk=user.pk).exists()
        or city_may_see(user, project.application)
    )


def may_work_on_project(user, project):
    """Consultants record milestones and upload deliverables; so may the secretariat."""
    return is_secretariat(user) or (user.is_authenticated and project.consultants.filter(pk=user.pk).exists())
