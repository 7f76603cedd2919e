"""RSS and Atom feeds, parsed as XML: items, content, author, dates, categories."""

import xml.etree.ElementTree as ET

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.blogs.factories import make_post
from tests.factories import make_user

pytestmark = pytest.mark.django_db

ATOM = "{http://www.w3.org/2005/Atom}"
DC = "{http://purl.org/dc/elements/1.1/}"


def _rss_items(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")
    return channel, channel.findall("item")


@pytest.fixture
def posts(patient, other_patient):
    return {
        "knee": make_post(author=patient, title="Knee week 1", body="**Ice** and rest.",
                          tags=["knee", "week 1"]),  # fmt: skip
        "hip": make_post(author=other_patient, title="Hip day 3", tags=["hip"]),
        "draft": make_post(author=patient, title="Draft", publication="draft", tags=["knee"]),
        "later": make_post(author=patient, title="Later", tags=["knee"],
                           published_at=timezone.now() + timezone.timedelta(hours=1)),
    }  # fmt: skip


def test_all_blogs_feed_carries_full_content_author_dates_and_categories(client, posts):
    channel, items = _rss_items(client, reverse("blogs:feed"))

    assert [item.findtext("title") for item in items] == ["Knee week 1", "Hip day 3"]
    knee = items[0]
    assert "<strong>Ice</strong>" in knee.findtext("description")
    assert knee.findtext(f"{DC}creator") == "patient"
    assert knee.findtext("pubDate")
    assert sorted(c.text for c in knee.findall("category")) == ["knee", "week 1"]
    assert knee.findtext("link").endswith(posts["knee"].get_absolute_url())
    assert channel.findtext("link").endswith(reverse("blogs:post_list"))


def test_blog_feed_has_only_that_members_public_posts(client, posts, patient):
    _, items = _rss_items(client, reverse("blogs:blog_feed", args=[patient.username]))

    assert [item.findtext("title") for item in items] == ["Knee week 1"]


def test_tag_feed_has_only_public_posts_with_that_tag(client, posts):
    _, items = _rss_items(client, reverse("blogs:tag_feed", args=["knee"]))

    assert [item.findtext("title") for item in items] == ["Knee week 1"]


def test_atom_feed_parses_and_lists_public_posts(client, posts):
    response = client.get(reverse("blogs:feed_atom"))

    feed = ET.fromstring(response.content)
    entries = feed.findall(f"{ATOM}entry")
    assert [entry.findtext(f"{ATOM}title") for entry in entries] == ["Knee week 1", "Hip day 3"]
    assert entries[0].find(f"{ATOM}author").findtext(f"{ATOM}name") == "patient"
    assert entries[0].findtext(f"{ATOM}updated")


def test_hidden_and_deleted_posts_leave_the_feeds(client, posts, moderator, patient):
    _, before = _rss_items(client, reverse("blogs:feed"))
    posts["knee"].hide(by=moderator)
    posts["hip"].delete_by_author(by=posts["hip"].author)

    assert len(before) == 2
    for url in [reverse("blogs:feed"), reverse("blogs:tag_feed", args=["knee"]),
                reverse("blogs:blog_feed", args=[patient.username])]:  # fmt: skip
        _, items = _rss_items(client, url)
        assert items == [], url


def test_unknown_blog_or_tag_feed_is_404(client, posts, patient):
    assert client.get(reverse("blogs:blog_feed", args=[patient.username])).status_code == 200
    assert client.get(reverse("blogs:tag_feed", args=["knee"])).status_code == 200
    assert client.get(reverse("blogs:blog_feed", args=["nobody-here"])).status_code == 404
    assert client.get(reverse("blogs:tag_feed", args=["no-such-tag"])).status_code == 404


def test_pages_advertise_their_feed(client, posts, patient):
    pages = {
        reverse("blogs:post_list"): reverse("blogs:feed"),
        reverse("blogs:blog_detail", args=[patient.username]): reverse(
            "blogs:blog_feed", args=[patient.username]
        ),
        reverse("blogs:tag_detail", args=["knee"]): reverse("blogs:tag_feed", args=["knee"]),
        posts["knee"].get_absolute_url(): reverse("blogs:blog_feed", args=[patient.username]),
    }
    for page, feed in pages.items():
        html = client.get(page).content.decode()
        assert 'rel="alternate" type="application/rss+xml"' in html
        assert f'href="{feed}"' in html, page


def test_feed_escapes_titles_and_survives_odd_characters(client, db):
    author = make_user(username="zoë.b")
    make_post(author=author, title='Knee & "hip" <b>day</b> 5 ✓', tags=["ünïcode"])

    _, items = _rss_items(client, reverse("blogs:feed"))

    assert items[0].findtext("title") == 'Knee & "hip" <b>day</b> 5 ✓'
