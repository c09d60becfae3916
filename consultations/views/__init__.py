"""The programme's views, by who uses them: the city (city.py), reviewers (review.py), the secretariat (manage.py),
projects (projects.py). ConsultationProgrammePage and CallPage route to them by name."""

from .city import application, application_action, apply, attachment, my_applications
from .manage import export_ranking, manage_application, manage_application_action, manage_call
from .projects import deliverable, project, project_action
from .review import my_reviews, review

__all__ = [
    "application",
    "application_action",
    "apply",
    "attachment",
    "deliverable",
    "export_ranking",
    "manage_application",
    "manage_application_action",
    "manage_call",
    "my_applications",
    "my_reviews",
    "project",
    "project_action",
    "review",
]
