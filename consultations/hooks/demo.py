"""Hooks: demo. The programme's demo content (consultations.demo), after the case library (40, 46) and the events
(50, 51), whose people and pages it uses, and before the illustrations (90) and the languages (95), which then
cover and translate its pages."""

from wagtail import hooks

from .. import demo


@hooks.register("register_demo_seeder", order=60)
def seed_consultations(progress):
    """Consultation programme: a closed call with reviews, awards and projects, and an open call"""
    demo.seed(progress)
