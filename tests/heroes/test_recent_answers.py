"""A verified surgeon's hero page shows their recent public forum answers."""

import pytest

from forums.posting import reply
from moderation.services import hide
from tests.factories import make_user
from tests.forums.factories import make_thread
from tests.heroes.factories import make_hero


@pytest.mark.django_db
def test_hero_page_shows_the_surgeons_recent_public_answers(client, moderator):
    surgeon = make_user(username="dr_answer", is_verified_surgeon=True)
    hero = make_hero(name="Answer Surgeon", account=surgeon)
    thread = make_thread(title="Will my knee click forever?")
    shown = reply(thread=thread, author=surgeon, body="Clicking without pain is common.")
    hidden = reply(thread=thread, author=surgeon, body="A hidden answer.")
    hide(target=hidden, moderator=moderator)

    page = client.get(hero.get_absolute_url()).content.decode()

    assert "Recent answers in the forums" in page
    assert shown.get_absolute_url() in page
    assert "A hidden answer." not in page


@pytest.mark.django_db
def test_hero_without_answers_shows_no_empty_section(client):
    surgeon = make_user(username="dr_quiet", is_verified_surgeon=True)
    hero = make_hero(name="Quiet Surgeon", account=surgeon)

    page = client.get(hero.get_absolute_url()).content.decode()

    assert "Quiet Surgeon" in page
    assert "Recent answers in the forums" not in page
