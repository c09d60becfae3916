"""The demo's community: a few staff of member cities show a profile to other members, and the demo member follows a
topic and a city (so Find a peer, the profiles and the Following page have something true to show). Idempotent."""

from core.models import Topic
from members.models import Organisation, User

from .models import CityFollow, DigestSettings, PeerProfile, TopicFollow

# (email, topics of expertise, languages spoken, department, short bio)
PROFILES = [
    (
        "mina.park@seoul.city.example",
        ["e-government", "citizen-participation"],
        ["ko", "en"],
        "Digital Policy Division",
        "I run Seoul's online civil services and the citizen proposal platform. Happy to share how we moved 300 "
        "procedures online and what residents asked us to change first.",
    ),
    (
        "joao.silva@curitiba.city.example",
        ["open-data", "data-governance"],
        ["es", "en"],
        "Municipal Information Institute",
        "Open data lead for Curitiba: our transport and budget datasets, the licence we chose and the developer "
        "community around them. I answer questions about data catalogues and publishing schedules.",
    ),
    (
        "amina.diallo@dakar.city.example",
        ["e-government", "digital-inclusion"],
        ["fr", "en"],
        "Digital Services Directorate",
        "I manage Dakar's online building permits and the service points that help residents without a computer. "
        "Interested in paper-to-digital transitions in cities with limited budgets.",
    ),
    (
        "lena.fischer@hamburg.city.example",
        ["smart-mobility", "open-data"],
        ["en", "fr"],
        "Mobility Data Unit",
        "Traffic and parking data for Hamburg: sensors, data-sharing agreements with operators and the dashboards "
        "our planners use. Glad to compare notes on mobility data pilots.",
    ),
    (
        "rana.almasri@amman.city.example",
        ["urban-resilience", "e-government"],
        ["ar", "en"],
        "Smart City Programmes",
        "I coordinate Amman's smart city programme, from flood early warning to the municipal service app. Ask me "
        "about procurement for pilots and working with several departments at once.",
    ),
    (
        "aline.uwase@kigali.city.example",
        ["urban-resilience", "data-governance"],
        ["fr", "en"],
        "Urban Planning and GIS",
        "GIS officer in Kigali: the city's base maps, address system and land-use data. I can share our approach to "
        "keeping maps current with a small team.",
    ),
]
FOLLOWER = "jiho.kim@seoul.city.example"
FOLLOWED_TOPIC = "open-data"
FOLLOWED_CITY = "Free and Hanseatic City of Hamburg"


def seed(progress):
    topics = {topic.slug: topic for topic in Topic.objects.filter(locale__language_code="en")}
    people = {user.email: user for user in User.objects.filter(email__in=[row[0] for row in PROFILES] + [FOLLOWER])}
    for email, topic_slugs, languages, department, bio in PROFILES:
        person = people.get(email)
        if person is None:
            continue
        if not person.department:
            person.department = department
            person.save(update_fields=["department"])
        profile, made = PeerProfile.objects.get_or_create(
            user=person, defaults={"is_published": True, "bio": bio, "languages": f",{','.join(languages)},"}
        )
        progress.record(made)
        if made:
            profile.topics.set([topics[slug] for slug in topic_slugs if slug in topics])
    follower = people.get(FOLLOWER)
    city = Organisation.objects.filter(name=FOLLOWED_CITY).first()
    if follower is not None:
        if FOLLOWED_TOPIC in topics:
            TopicFollow.objects.get_or_create(user=follower, topic=topics[FOLLOWED_TOPIC])
        if city is not None:
            CityFollow.objects.get_or_create(user=follower, organisation=city)
        DigestSettings.objects.get_or_create(user=follower)
