"""What the knowledge search finds: five kinds of page, each with a key for the URL and a label for people."""

from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from cases.models import CasePage
from courses.models import CoursePage, LessonPage
from events.models import EventPage
from toolkits.models import ToolkitPage


@dataclass(frozen=True)
class Kind:
    key: str
    label: str  # for the type filter: "Courses"
    singular: str  # on a result: "Course"
    model: type

    @property
    def has_topics(self):
        """Lessons have no topics of their own (their course has)."""
        return hasattr(self.model, "topic_slugs")

    @property
    def document_type(self):
        """How the Elasticsearch index names the model (``_django_content_type``)."""
        return f"{self.model._meta.app_label}.{self.model.__name__}"

    @property
    def content_type_id(self):
        # ContentType's own cache: no query after the first
        return ContentType.objects.get_for_model(self.model).id


KINDS = (
    Kind("course", _("Courses"), _("Course"), CoursePage),
    Kind("lesson", _("Lessons"), _("Lesson"), LessonPage),
    Kind("toolkit", _("Toolkits"), _("Toolkit"), ToolkitPage),
    Kind("case", _("Cases"), _("Case"), CasePage),
    Kind("event", _("Events"), _("Event"), EventPage),
)
KINDS_BY_KEY = {kind.key: kind for kind in KINDS}


def kind_of(page):
    """The Kind of a (specific) page."""
    return next(kind for kind in KINDS if isinstance(page, kind.model))
