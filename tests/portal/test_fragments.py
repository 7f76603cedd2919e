"""Shared fragments (the home and article sections, the article body): the same for every
visitor and member, changed on the very next request by a write that shows in them, and
never carrying one member's layer to another."""

import pytest
from django.urls import reverse
from django.utils import timezone

from forums.posting import reply
from tests.factories import make_article, make_user
from tests.forums.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    article = make_article(title="Knee osteotomy", is_featured=True)
    make_forum(name="Knees", articles=[article])
    return article


def test_a_reply_shows_in_the_warm_fragments_of_the_home_and_article_pages(
    client, patient, article, django_capture_on_commit_callbacks
):
    thread = make_thread(title="Brace after osteotomy", article=article)
    client.force_login(patient)
    client.get(reverse("home"))
    client.get(article.get_absolute_url())  # fragments built

    with django_capture_on_commit_callbacks(execute=True):
        reply(thread=thread, author=patient, body="Week two: walking without crutches.")
        make_thread(title="Second opinion on osteotomy", article=article)
    home = client.get(reverse("home")).content.decode()
    article_page = client.get(article.get_absolute_url()).content.decode()

    assert "Week two: walking without crutches." in home
    assert "Second opinion on osteotomy" in home
    assert "Second opinion on osteotomy" in article_page


def test_an_article_edit_shows_in_its_body_fragment_at_once(
    client, article, django_capture_on_commit_callbacks
):
    client.get(article.get_absolute_url())

    article.summary = "A new summary of the operation."
    with django_capture_on_commit_callbacks(execute=True):
        article.save()

    assert (
        "A new summary of the operation." in client.get(article.get_absolute_url()).content.decode()
    )


def test_members_share_the_fragments_but_never_each_others_layer(client, article):
    alice, bob = make_user(username="alice"), make_user(username="bob")
    suspended = make_user(
        username="carol", suspended_until=timezone.now() + timezone.timedelta(days=3)
    )
    start = f"Start a thread about {article.title}"
    sign_in = f"Sign in</a> to start a thread about {article.title}"

    visitor = client.get(article.get_absolute_url()).content.decode()
    pages = {}
    for member in (alice, bob, suspended):
        client.force_login(member)
        pages[member.username] = {
            url: client.get(url).content.decode()
            for url in (reverse("home"), article.get_absolute_url())
        }
        client.logout()

    assert sign_in in visitor and start not in visitor
    article_url = article.get_absolute_url()
    assert start in pages["alice"][article_url] and start in pages["bob"][article_url]
    assert start not in pages["carol"][article_url] and sign_in not in pages["carol"][article_url]
    for name, seen in pages.items():
        for page in seen.values():
            assert f'header-username">{name}</span>' in page
            others = {"alice", "bob", "carol"} - {name}
            assert not any(f'header-username">{other}</span>' in page for other in others)
