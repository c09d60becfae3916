from .certificates import Certificate
from .cohorts import CohortRun
from .learning import Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .quizzes import Choice, Question, Quiz, QuizAttempt
from .snippets import Instructor

__all__ = [
    "Certificate",
    "Choice",
    "CohortRun",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "Instructor",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "Question",
    "Quiz",
    "QuizAttempt",
]
