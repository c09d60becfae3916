"""The case library in several languages: a topic facet matches the cases tagged with any translation of the topic,
the counts are the same in every language, and listings show each case once per language."""

import pytest
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django.utils import translation

from cases import selectors
from cases.models import CaseLink, CasePage, CaseRelation
from tests.factories import CasePageFactory, ToolkitPageFactory, TopicFactory, UserFactory
from tests.translations import alias, locale, translate

pytestmark = pytest.mark.django_db


def library(index, **params):
    request = RequestFactory().get("/", params)
    request.user = UserFactory()
    return selectors.library_context(request, index)


def topic_choices(context):
    """The topic facet's [(value, label, count, checked)]."""
    return {name: choices for name, _label, choices in context["facets"]}["topic"]


def topic_facet(context):
    return {value: count for value, _label, count, _checked in topic_choices(context)}


@pytest.fixture
def open_data(db):
    topic = TopicFactory(name="Open data", slug="open-data")
    french = topic.copy_for_translation(locale("fr"))
    french.name, french.slug = "Données ouvertes", "donnees-ouvertes"
    french.save()
    return topic, french


def tagged_case(index, title, topic, **fields):
    case = CasePageFactory(parent=index, title=title, **fields)
    case.topics.set([topic])
    case.save_revision().publish()
    return CasePage.objects.get(pk=case.pk)


def test_the_topic_facet_matches_french_and_english_tagging_in_both_languages(site_tree, open_data):
    english_topic, french_topic = open_data
    portal = tagged_case(site_tree["cases"], "Open data portal", english_topic)
    french_portal = translate(portal, "fr", title="Portail de données ouvertes")
    # A case written in French first, tagged with the French topic, and its English alias.
    french_first = translate(CasePageFactory(parent=site_tree["cases"], title="Draft"), "fr", title="Budget ouvert")
    french_first.topics.set([french_topic])
    french_first.save_revision().publish()
    translate(CasePageFactory(parent=site_tree["cases"], title="Smart water"), "fr", title="L'eau intelligente")
    french_index = french_portal.get_parent().specific

    with translation.override("fr"):
        french = library(french_index, topic="donnees-ouvertes")
    with translation.override("en"):
        english = library(site_tree["cases"], topic="open-data")

    assert {case.pk for case in french["items"]} == {french_portal.pk, french_first.pk}
    assert topic_facet(french) == {"donnees-ouvertes": 2}
    assert [case.pk for case in english["items"]] == [portal.pk]
    assert topic_facet(english) == {"open-data": 1}


def test_an_untranslated_topic_is_offered_in_its_original_words(site_tree):
    TopicFactory(name="Mobility", slug="mobility")
    with translation.override("fr"):
        facet = topic_choices(library(site_tree["cases"]))
    assert [(value, label) for value, label, _count, _checked in facet] == [("mobility", "Mobility")]


def test_recent_cases_list_each_case_once_in_the_readers_language(site_tree):
    cases = [CasePageFactory(parent=site_tree["cases"], title=f"Case {n}") for n in range(3)]
    french = {translate(case, "fr", title=f"Cas {n}").pk for n, case in enumerate(cases)}
    arabic = {alias(case, "ar").pk for case in cases}

    with translation.override("fr"):
        assert {case.pk for case in selectors.recent_cases(limit=10)} == french
    with translation.override("ar"):
        assert {case.pk for case in selectors.recent_cases(limit=10)} == arabic
    with translation.override("en"):
        assert {case.pk for case in selectors.recent_cases(limit=10)} == {case.pk for case in cases}


def test_the_french_library_query_count_does_not_grow_with_translated_cases(site_tree, open_data):
    english_topic, _french_topic = open_data
    french_index = None

    def count():
        with translation.override("fr"), CaptureQueriesContext(connection) as queries:
            library(french_index, topic="donnees-ouvertes")
        return len(queries)

    for number in range(12):
        case = tagged_case(site_tree["cases"], f"Pilot {number}", english_topic)
        french_index = translate(case, "fr", title=f"Projet pilote {number}").get_parent().specific
        if number == 2:
            few = count()
    assert count() == few


def test_a_case_page_names_its_topics_and_related_pages_in_the_readers_language(client, site_tree, open_data):
    toolkit = ToolkitPageFactory(parent=site_tree["toolkits"], title="Open-data policy kit", slug="policy-kit")
    french_toolkit = translate(toolkit, "fr", title="Boîte à outils pour une politique de données ouvertes")
    case = CasePageFactory(parent=site_tree["cases"], title="Seoul open data plaza", slug="plaza")
    case.topics.set([open_data[0]])  # tagged in English; the French topic exists
    case.links.add(CaseLink(page=toolkit, sort_order=0))
    case.save_revision().publish()
    other = CasePageFactory(parent=site_tree["cases"], title="Busan open data", slug="busan")
    other.relations_out.add(CaseRelation(kind="replicates", other=case, sort_order=0))
    other.save_revision().publish()
    french_case = translate(case, "fr", title="Plaza des données ouvertes de Séoul")
    french_other = translate(other, "fr", title="Données ouvertes à Busan")

    page = client.get(french_case.url).content.decode()
    assert "<li>Données ouvertes</li>" in page and "<li>Open data</li>" not in page
    assert f'href="{french_toolkit.url}"' in page and "Boîte à outils pour une politique" in page
    assert f'href="{french_other.url}"' in page  # the case that replicates this one, in French too
    assert page.count("Données ouvertes à Busan") == 1  # once, though each translation carries its relations
