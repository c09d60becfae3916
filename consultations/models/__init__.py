from .applications import Application, ApplicationEvent, Attachment, Editor
from .pages import CallPage, CallQuestion, ConsultationProgrammePage, Criterion
from .projects import Milestone, Project
from .reviews import Assignment, Score

__all__ = [
    "Application",
    "ApplicationEvent",
    "Assignment",
    "Attachment",
    "CallPage",
    "CallQuestion",
    "ConsultationProgrammePage",
    "Criterion",
    "Editor",
    "Milestone",
    "Project",
    "Score",
]
