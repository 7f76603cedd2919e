import pytest

from heroes.search import hero_document, public_heroes
from tests.factories import make_body_part
from tests.heroes.factories import make_hero, make_nomination


@pytest.mark.django_db
def test_only_published_heroes_are_searchable():
    published = make_hero()
    make_hero(status="draft")

    assert list(public_heroes()) == [published]


@pytest.mark.django_db
def test_hero_document_has_the_hero_pages_own_text(django_assert_num_queries):
    hero = make_hero(
        name="Ada Search", bio="Kind **words**.", body_part=make_body_part(slug="knee")
    )
    make_nomination(hero=hero, status="approved", may_publish_story=True, story="Public " * 40)
    make_nomination(hero=hero, status="approved", may_publish_story=False, story="Private " * 40)

    (loaded,) = public_heroes()
    with django_assert_num_queries(0):
        document = hero_document(loaded)

    assert document["title"] == "Dr. Ada Search"
    assert "Kind words." in document["body"] and "<strong>" not in document["body"]
    assert "Public" not in document["body"] and "Private" not in document["body"]
    assert (document["url"], document["body_part_slug"]) == (hero.get_absolute_url(), "knee")
