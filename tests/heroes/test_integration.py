"""Heroes on other pages: the home sidebar, article pages, profiles, sitemap, data export."""

import io
import json

import pytest
from django.core.management import call_command
from django.urls import reverse

from accounts.data_rights import export_user_data
from heroes.models import Hero, Nomination
from tests.factories import make_article, make_body_part, make_user
from tests.heroes.factories import make_hero, make_nomination


@pytest.mark.django_db
def test_home_shows_the_featured_hero_like_the_seed(client):
    make_hero(name="Other Hero")
    make_hero(honorific="Dr.", name="Robert Klapper", featured_title="Preventing Knee Surgery",
              is_featured=True)  # fmt: skip

    body = client.get(reverse("home")).content.decode()

    assert "Dr. Robert Klapper</a>:" in body
    assert "Preventing Knee Surgery" in body
    for link in ("more Heroes", "nominate a Hero", "Hero policy"):
        assert link in body


@pytest.mark.django_db
def test_home_heroes_section_without_heroes_still_links_to_nominate(client):
    body = client.get(reverse("home")).content.decode()

    assert "nominate a Hero" in body


@pytest.mark.django_db
def test_featured_hero_tag_uses_one_query(django_assert_num_queries):
    from django.template import Context, Template

    make_hero(is_featured=True)
    template = Template("{% load hero_tags %}{% featured_hero %}")

    with django_assert_num_queries(1):
        template.render(Context({}))


@pytest.mark.django_db
def test_article_page_lists_heroes_by_procedure_or_body_part(client):
    knee = make_body_part(name="Knee")
    article = make_article(body_part=knee)
    by_procedure = make_hero(name="By Procedure", procedures=[article])
    by_part = make_hero(name="By Part", body_part=knee)
    make_hero(name="Elsewhere", body_part=make_body_part())
    make_hero(name="Draft Knee", body_part=knee, status="draft")

    response = client.get(article.get_absolute_url())

    body = response.content.decode()
    assert by_procedure.display_name in body and by_part.display_name in body
    assert "Elsewhere" not in body and "Draft Knee" not in body


@pytest.mark.django_db
@pytest.mark.parametrize("count", [1, 3])
def test_heroes_for_article_uses_one_query(django_assert_num_queries, count):
    from django.template import Context, Template

    article = make_article()
    for _ in range(count):
        make_hero(procedures=[article], body_part=article.body_part)
    template = Template("{% load hero_tags %}{% heroes_for_article article %}")

    with django_assert_num_queries(1):
        html = template.render(Context({"article": article}))
    assert html.count("<li>") == count


@pytest.mark.django_db
def test_article_page_without_heroes_renders_no_section(client):
    article = make_article(title="Hip resurfacing")

    page = client.get(article.get_absolute_url()).content.decode()

    assert "Hip resurfacing" in page
    assert "Heroes in" not in page


@pytest.mark.django_db
def test_profile_links_the_surgeons_hero_page(client):
    surgeon = make_user(username="dr_prof", is_verified_surgeon=True)
    hero = make_hero(account=surgeon)

    body = client.get(surgeon.get_absolute_url()).content.decode()

    assert hero.get_absolute_url() in body


@pytest.mark.django_db
def test_profile_shows_nominations_link_only_to_the_member(client, patient, other_patient):
    make_nomination(nominator=patient)
    nominations_url = reverse("heroes:nomination_list")

    client.force_login(other_patient)
    assert nominations_url not in client.get(patient.get_absolute_url()).content.decode()
    client.force_login(patient)
    assert nominations_url in client.get(patient.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_sitemap_lists_published_heroes_only(client):
    published = make_hero()
    draft = make_hero(status="draft")

    body = client.get(reverse("sitemap")).content.decode()

    assert published.get_absolute_url() in body
    assert draft.get_absolute_url() not in body
    assert reverse("heroes:policy") in body


@pytest.mark.django_db
def test_data_export_includes_the_members_nominations(patient):
    make_nomination(nominator=patient, surgeon_name="Dr. Exported", status="rejected",
                    decision_reason="Reason.")  # fmt: skip

    data = export_user_data(patient)

    (row,) = data["hero_nominations"]
    assert (row["nominee"], row["status"], row["decision_reason"]) == (
        "Dr. Exported",
        "rejected",
        "Reason.",
    )
    json.dumps(data, default=str)


@pytest.mark.django_db
def test_load_demo_builds_the_heroes_and_is_idempotent():
    call_command("load_demo", stdout=io.StringIO())
    counts = (Hero.objects.count(), Nomination.objects.count())
    call_command("load_demo", stdout=io.StringIO())

    assert (Hero.objects.count(), Nomination.objects.count()) == counts
    klapper = Hero.objects.get(slug="robert-klapper")
    assert (klapper.display_name, klapper.featured_title) == (
        "Dr. Robert Klapper",
        "Preventing Knee Surgery",
    )
    assert not (klapper.bio or klapper.photo or klapper.nominations.exists())
    fictional = Hero.objects.exclude(slug="robert-klapper")
    assert fictional.count() >= 2
    assert all("(fictional)" in hero.name for hero in fictional)
    assert Nomination.objects.pending().count() >= 2
    assert Nomination.objects.published_stories().filter(hero__in=fictional).exists()
    assert Hero.objects.get(slug="morgan-lee").verified_account.username == "dr_lee"
