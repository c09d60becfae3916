from .certificates import Certificate
from .learning import Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .snippets import Instructor

__all__ = [
    "Certificate",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "Instructor",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
]
