from .certificates import Certificate
from .cohorts import CohortRun
from .learning import Enrollment, LessonProgress
from .pages import CourseIndexPage, CoursePage, LessonPage, ModulePage
from .paths import LearningPathPage, PathCompletion, PathCourse
from .quizzes import AttemptAnswer, Choice, Question, QuestionBank, Quiz, QuizAttempt, QuizDraw
from .snippets import Instructor

__all__ = [
    "AttemptAnswer",
    "Certificate",
    "Choice",
    "CohortRun",
    "CourseIndexPage",
    "CoursePage",
    "Enrollment",
    "Instructor",
    "LearningPathPage",
    "LessonPage",
    "LessonProgress",
    "ModulePage",
    "PathCompletion",
    "PathCourse",
    "Question",
    "QuestionBank",
    "Quiz",
    "QuizAttempt",
    "QuizDraw",
]
