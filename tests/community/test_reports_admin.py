"""The secretariat's "Reported conversations": reports come from recipients only; the admin lists and handles them
and never makes one up (no add form, which would fail on the reporter it cannot choose)."""

from django.urls import reverse


def test_the_admin_offers_no_way_to_add_a_report_by_hand(admin_client):
    listing = admin_client.get(reverse("wagtailsnippets_community_conversationreport:list"))
    assert listing.status_code == 200
    assert reverse("wagtailsnippets_community_conversationreport:add") not in listing.content.decode()
    response = admin_client.get(reverse("wagtailsnippets_community_conversationreport:add"))
    assert response.status_code in (302, 403)
    response = admin_client.post(reverse("wagtailsnippets_community_conversationreport:add"), {"reason": "x"})
    assert response.status_code in (302, 403)
