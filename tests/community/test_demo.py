"""The demo's community: staff of several cities show a profile, the demo member finds them and follows a topic and a
city; seeding again changes nothing."""

import io

from community import demo
from community.models import CityFollow, PeerProfile, TopicFollow
from core import demo as core_demo
from core.seeding import Progress
from members import demo as members_demo
from members.models import User


def test_the_demo_has_peers_to_find_and_follows_of_its_member(client, db):
    progress = Progress(io.StringIO())
    core_demo.seed(progress)
    members_demo.seed_organisations(progress)
    members_demo.seed_people(progress)
    demo.seed(progress)
    demo.seed(progress)  # safe to run twice

    shown = PeerProfile.objects.visible()
    # Everyone the seeders made so far (the consultations' people come later in seed_demo).
    people = User.objects.filter(email__in=[row[0] for row in demo.PROFILES])
    assert shown.count() == people.count() >= 4
    assert all(profile.bio and profile.topics.exists() and profile.language_codes for profile in shown)
    assert TopicFollow.objects.filter(user__email=demo.FOLLOWER).count() == 1
    assert CityFollow.objects.filter(user__email=demo.FOLLOWER).count() == 1

    client.force_login(User.objects.get(email=demo.FOLLOWER))
    page = client.get("/community/peers/?topic=open-data").content.decode()
    assert "Lena Fischer" in page and "Open data lead" in page
