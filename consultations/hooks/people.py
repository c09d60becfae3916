"""Hooks: the person's data in the programme, for "Download my data" and "Delete my account" (members)."""

from wagtail import hooks

from .. import personal_data


@hooks.register("register_personal_data")
def my_consultation_data(user):
    return personal_data.export(user)


@hooks.register("register_account_deletion")
def forget_me_in_the_programme(user):
    personal_data.forget(user)
