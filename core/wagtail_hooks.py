from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from . import access, demo, demo_translations, files, illustrations, page_cache
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


@hooks.register("register_demo_seeder", order=90)  # after every content app's seeder
def seed_illustrations(progress):
    """Cover illustrations: a drawing for every live content page without a cover"""
    illustrations.illustrate_pages(progress)


@hooks.register("register_demo_seeder", order=95)  # after every page exists, illustrated
def seed_languages(progress):
    """Languages: every page in six languages, the topics translated"""
    demo_translations.seed_locales(progress)


@hooks.register("register_demo_seeder", order=97)  # after the quizzes' translations (courses, 96)
def seed_translated_pages(progress):
    """Translated pages: the home page, standard pages, courses, cases, toolkits and events"""
    demo_translations.seed_pages(progress)


# Privacy restricted to groups: a signed-in person outside the groups gets a 403 that says why, where Wagtail would
# send them to sign in again (and allauth straight back: a loop). Signed out, Wagtail's sign-in redirect as usual.
# After Wagtail's request-method check (order 0); the page's own privacy check runs later, in on_serve_page.
@hooks.register("before_serve_page", order=10)
def explain_restricted_page(page, request, serve_args, serve_kwargs):
    return access.refuse_restricted_page(page, request)


# A page no privacy setting restricts is the same for every signed-out visitor: core.page_cache may keep it.
# Signed-in people's pages are never kept, so they cost no query here.
@hooks.register("before_serve_page")
def offer_public_page_to_cache(page, request, serve_args, serve_kwargs):
    if not request.user.is_authenticated and not page.get_view_restrictions().exists():
        page_cache.mark_public(request)


# Before Wagtail's own check_view_restrictions for documents (order 0), which would redirect to sign in.
@hooks.register("before_serve_document", order=-10)
def explain_restricted_document(document, request):
    return access.refuse_restricted_document(document, request)


# After every check (Wagtail's are order 0): from object storage, a document leaves as a short-lived signed address
# with its own name (core.files), instead of being read through this worker. From the disk, Wagtail serves it.
@hooks.register("before_serve_document", order=100)
def send_document_from_object_storage(document, request):
    if isinstance(document.file.storage, files.ObjectStorage):
        return files.private_download(document.file, document.filename)
    return None
