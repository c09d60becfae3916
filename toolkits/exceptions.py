from django.utils.translation import gettext_lazy as _

from core.exceptions import UserFacingError


class MembersOnly(UserFacingError):
    status = 403
    message = _(
        "This file is for staff of member cities. Ask to join your city's organisation from the member directory; "
        "once your focal point approves you, you can download it."
    )
