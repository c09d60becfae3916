from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import demo
from .models import Topic


class TopicViewSet(SnippetViewSet):
    model = Topic
    icon = "tag"
    menu_label = _("Topics")
    menu_order = 210
    add_to_admin_menu = True
    list_display = ["name", "slug"]
    # No field list: the model's own search index answers (SQLite's full-text table cannot search one column).


register_snippet(TopicViewSet)


@hooks.register("register_demo_seeder", order=0)
def seed_site(progress):
    """Site: home page, about page, topics"""
    demo.seed(progress)
