"""Who hears what in the programme (written by the email helper)."""


def editor_added(*, editor_id):
    pass


def application_submitted(*, application_id):
    pass


def information_requested(*, application_id):
    pass


def screened_out(*, application_id):
    pass


def reviewer_assigned(*, assignment_id):
    pass


def determination(*, application_id, outcome):
    pass


def project_started(*, project_id):
    pass


def project_completed(*, project_id):
    pass


def deadline_reminders():
    return 0


def reviewer_reminders():
    return 0
