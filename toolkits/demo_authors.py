"""Demo authoring cities: the member cities (and the secretariat) that wrote each seeded toolkit, so their profiles
list it. A toolkit that already names its authoring organisations is left as it is."""

from members.models import Organisation

from .models import ToolkitPage

# Toolkit slug (toolkits.demo) → organisation names (members/demo_data/organisations.csv).
AUTHORS = {
    "e-government-strategy-toolkit": ["Seoul Metropolitan Government", "WeGo Secretariat"],
    "feasibility-study-template": ["WeGo Secretariat"],
    "open-data-policy-kit": ["Municipality of Curitiba", "Free and Hanseatic City of Hamburg", "WeGo Secretariat"],
    "smart-city-maturity-self-assessment": ["WeGo Secretariat", "Busan Metropolitan City"],
    "citizen-participation-playbook": ["Dakar City Hall", "City of Kigali", "WeGo Secretariat"],
    "training-of-trainers-pack": ["WeGo Secretariat", "Seoul Metropolitan Government"],
}


def seed(progress):
    names = {name for authors in AUTHORS.values() for name in authors}
    organisations = Organisation.objects.in_bulk(list(names), field_name="name")
    toolkits = ToolkitPage.objects.filter(slug__in=list(AUTHORS)).prefetch_related("authoring_organisations")
    for toolkit in progress.iterate(list(toolkits), "toolkit authors"):
        authors = [organisations[name] for name in AUTHORS[toolkit.slug] if name in organisations]
        if toolkit.authoring_organisations.all() or not authors:
            progress.record(False)
            continue
        toolkit.authoring_organisations.set(authors)
        # Through a revision, so the admin's editor (which opens the latest revision) shows the authors too.
        revision = toolkit.save_revision(log_action=False)
        if toolkit.live:
            revision.publish(log_action=False)
        progress.record(True)
