import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.heroes.factories import make_hero, make_nomination


@pytest.mark.django_db
def test_list_shows_published_heroes_featured_first(client):
    make_hero(name="Plain One")
    make_hero(name="Star One", is_featured=True)
    make_hero(name="Hidden Draft", status="draft")

    response = client.get(reverse("heroes:list"))

    names = [hero.name for hero in response.context["page_obj"]]
    assert names == ["Star One", "Plain One"]
    assert "Hidden Draft" not in response.content.decode()


@pytest.mark.django_db
@pytest.mark.parametrize("page", ["0", "99", "abc", "-1", ""])
def test_list_survives_odd_page_numbers(client, page):
    make_hero()

    assert client.get(reverse("heroes:list"), {"page": page}).status_code == 200


def _list_queries(client, django_assert_num_queries, count):
    for _ in range(count):
        make_hero()
    with django_assert_num_queries(2) as captured:  # the count, then the page of heroes
        client.get(reverse("heroes:list"))
    return len(captured)


@pytest.mark.django_db
def test_list_queries_do_not_grow_with_heroes(client, django_assert_num_queries):
    assert _list_queries(client, django_assert_num_queries, 2) == 2
    assert _list_queries(client, django_assert_num_queries, 10) == 2


@pytest.mark.django_db
def test_detail_shows_bio_featured_piece_and_published_stories(client):
    hero = make_hero(bio="Loves **knees**.", featured_title="Preventing Knee Surgery",
                     featured_url="/articles/knee/")  # fmt: skip
    shown = make_nomination(hero=hero, status="approved", may_publish_story=True)
    make_nomination(hero=hero, status="approved", may_publish_story=False, story="P" * 210)
    make_nomination(hero=hero, status="pending", may_publish_story=True, story="Q" * 210)

    response = client.get(hero.get_absolute_url())

    body = response.content.decode()
    assert "<strong>knees</strong>" in body
    assert '<a href="/articles/knee/">Preventing Knee Surgery</a>' in body
    assert list(response.context["stories"]) == [shown]
    assert shown.nominator.username in body
    assert "P" * 210 not in body and "Q" * 210 not in body


@pytest.mark.django_db
def test_detail_story_queries_do_not_grow(client, django_assert_max_num_queries):
    hero = make_hero()
    for _ in range(6):
        make_nomination(hero=hero, status="approved", may_publish_story=True)

    with django_assert_max_num_queries(6):
        client.get(hero.get_absolute_url())


@pytest.mark.django_db
def test_verified_badge_shows_for_a_verified_linked_account(client):
    surgeon = make_user(username="dr_verified", is_verified_surgeon=True)
    hero = make_hero(account=surgeon)

    body = client.get(hero.get_absolute_url()).content.decode()

    assert "Verified surgeon" in body
    assert reverse("accounts:profile", args=["dr_verified"]) in body


@pytest.mark.django_db
def test_no_badge_once_verification_is_withdrawn(client):
    surgeon = make_user(is_verified_surgeon=True)
    hero = make_hero(account=surgeon)
    still_verified = make_hero(account=make_user(is_verified_surgeon=True))
    surgeon.is_verified_surgeon = False
    surgeon.save()

    assert "Verified surgeon" in client.get(still_verified.get_absolute_url()).content.decode()
    assert "Verified surgeon" not in client.get(hero.get_absolute_url()).content.decode()


@pytest.mark.django_db
def test_verification_flow_puts_the_badge_on_the_hero_page(client, moderator):
    from accounts.models import SurgeonVerification
    from moderation.verification import decide_verification

    surgeon = make_user()
    hero = make_hero(account=surgeon)
    request = SurgeonVerification.objects.create(
        user=surgeon, full_name="Dr X", specialty="Knee", practice="P", licence_number="L-1"
    )
    assert "Verified surgeon" not in client.get(hero.get_absolute_url()).content.decode()

    decide_verification(verification=request, moderator=moderator, approve=True)

    body = client.get(hero.get_absolute_url()).content.decode()
    assert "Verified surgeon" in body
    assert "L-1" not in body


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona_name", "expected"),
    [("visitor", 404), ("patient", 404), ("moderator", 200), ("editor", 200)],
)
def test_draft_hero_is_404_except_for_staff(client, persona, persona_name, expected):
    hero = make_hero(status="draft")
    persona(persona_name)

    assert client.get(hero.get_absolute_url()).status_code == expected


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("persona_name", "expected"),
    [("visitor", 302), ("patient", 200), ("other_patient", 404), ("moderator", 404)],
)
def test_confirmation_page_is_only_for_the_nominator(
    client, persona, persona_name, patient, expected
):
    nomination = make_nomination(nominator=patient)
    persona(persona_name)

    response = client.get(reverse("heroes:nomination_done", args=[nomination.pk]))

    assert response.status_code == expected


@pytest.mark.django_db
def test_member_sees_only_their_own_nominations(client, patient, other_patient):
    mine = make_nomination(nominator=patient, surgeon_name="Dr. Mine Only")
    make_nomination(nominator=other_patient, surgeon_name="Dr. Not Mine")
    client.force_login(patient)

    response = client.get(reverse("heroes:nomination_list"))

    assert list(response.context["page_obj"]) == [mine]
    assert "Dr. Not Mine" not in response.content.decode()


@pytest.mark.django_db
def test_nomination_list_shows_status_and_reason(client, patient):
    make_nomination(nominator=patient, status="rejected", decision_reason="Not a surgeon.")
    client.force_login(patient)

    body = client.get(reverse("heroes:nomination_list")).content.decode()

    assert "Not approved" in body and "Not a surgeon." in body


@pytest.mark.django_db
def test_pending_nominations_are_visible_to_nominator_and_moderators_only(
    patient, other_patient, moderator
):
    from django.contrib.auth.models import AnonymousUser

    from heroes.models import Nomination

    nomination = make_nomination(nominator=patient)

    assert list(Nomination.objects.visible_to(patient)) == [nomination]
    assert list(Nomination.objects.visible_to(moderator)) == [nomination]
    assert not Nomination.objects.visible_to(other_patient).exists()
    assert not Nomination.objects.visible_to(AnonymousUser()).exists()


@pytest.mark.django_db
def test_pending_story_is_not_on_the_hero_page(client):
    hero = make_hero()
    make_nomination(hero=hero, status="approved", may_publish_story=True, story="A" * 220)
    make_nomination(hero=hero, may_publish_story=True, story="Z" * 220)

    page = client.get(hero.get_absolute_url()).content.decode()

    assert "A" * 220 in page
    assert "Z" * 220 not in page


@pytest.mark.django_db
def test_policy_page_is_published_and_editable(client):
    from core.models import SitePage

    response = client.get(reverse("heroes:policy"))

    assert response.status_code == 200
    body = response.content.decode()
    for heading in ("Who can be nominated", "What makes a hero", "How nominations are reviewed",
                    "What is published", "How a surgeon can ask to be removed"):  # fmt: skip
        assert heading in body
    page = SitePage.objects.get(slug="hero-policy")
    page.body = "New **policy**."
    page.save()
    assert "<strong>policy</strong>" in client.get(reverse("heroes:policy")).content.decode()
    assert page.history.count() >= 1


@pytest.mark.django_db
def test_moderator_edits_the_policy_in_the_admin_with_history(settings, client, moderator):
    from core.models import SitePage

    settings.ADMIN_REQUIRE_MFA = False
    page = SitePage.objects.get(slug="hero-policy")
    url = reverse("admin:heroes_heropolicy_change", args=[page.pk])
    client.force_login(moderator)

    response = client.post(url, {"title": "Hero policy", "body": "Revised **text**."})

    assert response.status_code == 302
    page.refresh_from_db()
    assert page.body_html == "<p>Revised <strong>text</strong>.</p>"
    assert page.history.first().history_user == moderator
    assert client.get(reverse("admin:heroes_heropolicy_history", args=[page.pk])).status_code == 200


@pytest.mark.django_db
@pytest.mark.parametrize("persona_name", ["patient", "editor"])
def test_others_cannot_edit_the_policy_in_the_admin(settings, client, persona, persona_name):
    from core.models import SitePage

    settings.ADMIN_REQUIRE_MFA = False
    page = SitePage.objects.get(slug="hero-policy")
    persona(persona_name)

    url = reverse("admin:heroes_heropolicy_change", args=[page.pk])
    response = client.post(url, {"title": "Hacked", "body": "x"}, follow=True)

    assert response.status_code == 403
    page.refresh_from_db()
    assert page.title == "Hero policy"


@pytest.mark.django_db
def test_missing_policy_answers_404(client):
    from core.models import SitePage

    found = client.get(reverse("heroes:policy")).status_code
    SitePage.objects.filter(slug="hero-policy").delete()

    assert found == 200
    assert client.get(reverse("heroes:policy")).status_code == 404


@pytest.mark.django_db
def test_no_badge_or_profile_link_after_the_surgeon_deletes_their_account(client):
    from accounts.data_rights import delete_account

    surgeon = make_user(username="dr_gone", is_verified_surgeon=True)
    hero = make_hero(account=surgeon)
    delete_account(surgeon)

    body = client.get(hero.get_absolute_url()).content.decode()

    assert hero.name in body
    assert "Verified surgeon" not in body and "deleted member" not in body
