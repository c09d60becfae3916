"""Demo assessment: a shared question bank on e-government, and the e-government course's final assessment drawing
five of its questions at random for each attempt (after its own three). Safe to run twice."""

from core.i18n import in_default_language
from core.models import Topic

from .models import Choice, CoursePage, LessonPage, Question, QuestionBank, QuizDraw

BANK_TITLE = "E-government fundamentals"
BANK_DESCRIPTION = (
    "Questions on designing, running and securing digital public services, shared by every course: a quiz draws "
    "from them at random, so each attempt asks a different set."
)
DRAWING_COURSE = "e-government-foundations"
DRAWN = 5

# (kind, points, topic slug, question, [(choice, right?)], explanation)
QUESTIONS = [
    (
        "single",
        1,
        "e-government",
        "What does the “once-only” principle ask of a city administration?",
        [
            ("Not to ask residents again for information it already holds", True),
            ("To let each resident use an online service only once a year", False),
            ("To publish every form once, in a single language", False),
        ],
        "Once-only means departments share the data they already hold, with the resident's knowledge, instead of "
        "asking for the same certificate or form again.",
    ),
    (
        "true_false",
        1,
        "e-government",
        "Putting a paper form online as a PDF to print and sign is enough to make a service digital.",
        [("True", False), ("False", True)],
        "A scanned or printable form moves the paper to the resident's printer. A digital service lets them "
        "complete, submit and follow the request online, and removes the steps that add nothing.",
    ),
    (
        "multiple",
        2,
        "e-government",
        "Which of these are good signs that a digital service was designed around its users?",
        [
            ("It was tested with residents before launch", True),
            ("It shows where a request stands and what happens next", True),
            ("It mirrors the structure of the departments behind it", False),
            ("It asks for the resident's full history for every request", False),
        ],
        "Testing with real users and telling them where their request stands are signs of user-centred design; "
        "an interface that follows the org chart or asks for everything is not.",
    ),
    (
        "single",
        1,
        "e-government",
        "A city wants to measure whether its new online permit service works. Which measure tells it most?",
        [
            ("The share of applicants who complete the request without help or a visit", True),
            ("The number of pages on the service's website", False),
            ("How much the software cost", False),
        ],
        "Completion without help shows that the service does its job for residents; page counts and cost do not.",
    ),
    (
        "true_false",
        1,
        "digital-inclusion",
        "An accessible online service should also offer another way in, such as a phone line or a service desk.",
        [("True", True), ("False", False)],
        "Some residents cannot or will not use a website. An assisted channel keeps the service open to "
        "everyone while the digital channel becomes the easiest one.",
    ),
    (
        "multiple",
        1,
        "digital-inclusion",
        "Which of these make an online form easier for everyone to complete?",
        [
            ("Plain, short sentences", True),
            ("Labels that screen readers can read for every field", True),
            ("A time limit of two minutes per page", False),
        ],
        "Plain language and proper labels help every user, including people who use assistive technology; tight "
        "time limits shut people out.",
    ),
    (
        "single",
        2,
        "digital-inclusion",
        "Half of a district's older residents have never used the city's website. What should the city do first?",
        [
            ("Ask them, and the groups that support them, what stops them", True),
            ("Close the service desks so that everyone has to go online", False),
            ("Wait until the next generation grows older", False),
        ],
        "Start by understanding the barriers (access, skills, trust) with the people concerned; closing other "
        "channels first excludes them.",
    ),
    (
        "true_false",
        1,
        "data-governance",
        "Personal data collected for one service may be re-used for any other purpose the city finds useful.",
        [("True", False), ("False", True)],
        "Personal data is collected for a stated purpose. Re-using it for another purpose needs a legal basis and, "
        "in general, telling the people concerned.",
    ),
    (
        "single",
        1,
        "data-governance",
        "Who should be able to answer for the quality of a dataset the city publishes?",
        [
            ("A named data owner in the department that produces it", True),
            ("Whoever downloads it last", False),
            ("Nobody: published data is the public's responsibility", False),
        ],
        "Each dataset needs an owner who knows what it contains, keeps it up to date and answers questions about it.",
    ),
    (
        "multiple",
        2,
        "open-data",
        "Which of these belong on the page of a published dataset?",
        [
            ("The licence under which it may be re-used", True),
            ("When it was last updated and how often it will be", True),
            ("A description of each column", True),
            ("The home addresses of the staff who prepared it", False),
        ],
        "A licence, update dates and column descriptions let people re-use the data with confidence; personal "
        "details of staff have no place there.",
    ),
    (
        "single",
        1,
        "open-data",
        "Which format makes a table easiest for others to re-use?",
        [
            ("CSV", True),
            ("A photo of the printed table", False),
            ("A slide presentation", False),
        ],
        "CSV is open and machine-readable: any spreadsheet or program can read it.",
    ),
    (
        "single",
        1,
        "cybersecurity",
        "A staff member receives an email asking them to confirm their password through a link. What should they do?",
        [
            ("Not click, and report the email to the IT security team", True),
            ("Click the link, but only from a city computer", False),
            ("Reply with the password so that the sender can check it", False),
        ],
        "Requests for a password by email are a classic sign of phishing. Reporting it lets the team warn others "
        "and block the sender.",
    ),
    (
        "true_false",
        1,
        "cybersecurity",
        "Multi-factor authentication protects an account even when its password has been stolen.",
        [("True", True), ("False", False)],
        "A second factor, such as a code on a phone, stops most attacks that rely on a stolen password alone.",
    ),
    (
        "multiple",
        1,
        "citizen-participation",
        "Which practices make an online consultation credible to residents?",
        [
            ("Saying in advance how the input will be used", True),
            ("Publishing what was heard and what was decided", True),
            ("Deciding before the consultation opens and not saying so", False),
        ],
        "People take part when they know how their input counts and can see afterwards what became of it.",
    ),
    (
        "single",
        1,
        "citizen-participation",
        "In participatory budgeting, who decides which projects are funded?",
        [
            ("Residents, by voting on the proposals within the budget set aside", True),
            ("The software supplier", False),
            ("Only the mayor, after the vote is published", False),
        ],
        "The point of participatory budgeting is that residents decide how a share of the budget is spent.",
    ),
]


def ensure_bank():
    """The shared bank (no course), with its questions: created once, left as it is afterwards."""
    bank = in_default_language(QuestionBank.objects.filter(title=BANK_TITLE)).order_by("pk").first()
    if bank is not None:
        return bank, False
    bank = QuestionBank.objects.create(title=BANK_TITLE, description=BANK_DESCRIPTION)
    topics = {topic.slug: topic for topic in in_default_language(Topic.objects.all())}
    for order, (kind, points, topic, text, choices, explanation) in enumerate(QUESTIONS):
        question = Question.objects.create(
            bank=bank,
            kind=kind,
            points=points,
            topic=topics.get(topic),
            text=text,
            explanation=explanation,
            sort_order=order,
        )
        for number, (choice, correct) in enumerate(choices):
            Choice.objects.create(question=question, text=choice, correct=correct, sort_order=number)
    return bank, True


def ensure_draw(bank):
    """The e-government course's final assessment draws five questions from the bank, after its own."""
    course = in_default_language(CoursePage.objects.filter(slug=DRAWING_COURSE)).order_by("pk").first()
    lesson = (
        LessonPage.objects.descendant_of(course).filter(slug="final-assessment", quiz__isnull=False).first()
        if course
        else None
    )
    if lesson is None or QuizDraw.objects.filter(quiz_id=lesson.quiz_id, bank=bank).exists():
        return False
    QuizDraw.objects.create(quiz_id=lesson.quiz_id, bank=bank, count=DRAWN, sort_order=0)
    return True


def seed(progress):
    bank, created = ensure_bank()
    progress.record(created)
    progress.record(ensure_draw(bank))
