from .learning import Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .snippets import Instructor

__all__ = ["CourseIndexPage", "CoursePage", "Enrollment", "Instructor", "LessonPage", "LessonProgress", "ModulePage"]
