from django.utils.translation import gettext_lazy as _


class UserFacingError(Exception):
    """A domain error whose message a view shows as it is; ``status`` is the HTTP status it deserves."""

    message = _("That could not be done.")
    status = 400

    def __init__(self, message=None):
        super().__init__(message or self.message)
        self.message = message or self.message
