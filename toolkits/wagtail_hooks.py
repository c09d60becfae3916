from wagtail import hooks

from . import demo


@hooks.register("register_demo_seeder", order=30)
def seed_toolkits(progress):
    """Toolkits: the index page and a few items"""
    demo.seed(progress)
