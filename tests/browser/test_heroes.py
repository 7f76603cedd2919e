"""Heroes in a real browser: a member nominates a surgeon; the hero pages are axe-clean
and ask nothing of other hosts (the `page` fixture checks that at teardown)."""

import pytest

from heroes.models import Nomination
from heroes.policy import ensure_policy_page
from tests.factories import make_user
from tests.heroes.factories import make_hero, make_nomination

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

STORY = (
    "The night before my knee operation I could not stop shaking. The surgeon came back "
    "after her list, sat down and drew the whole operation for me, then told me what the "
    "first week at home would feel like. When the swelling came I knew it was expected."
)


def test_member_nominates_a_new_surgeon(page, live_server, login, assert_accessible):
    member = make_user(username="kneefan")
    login(page, live_server, member)

    page.goto("/heroes/nominate/")
    assert_accessible(page)
    page.get_by_label("Surgeon's name").fill("Dr. Browser Testwell")
    page.get_by_label("Practice or hospital").fill("Demo General Hospital")
    page.get_by_label("City").fill("Springfield")
    page.get_by_label("Your relationship").select_option("patient")
    page.get_by_label("Your story").fill(STORY)
    page.get_by_label("Publish my story on the hero page").check()
    page.get_by_label("I agree to the hero policy").check()
    page.get_by_role("button", name="Send my nomination").click()

    page.wait_for_url("**/heroes/nominate/done/*/")
    assert page.get_by_role("heading", level=1).inner_text() == "Thank you for your nomination"
    assert page.get_by_text("Dr. Browser Testwell").first.is_visible()
    assert_accessible(page)
    nomination = Nomination.objects.get()
    assert (nomination.nominator, nomination.status) == (member, "pending")


def test_form_errors_are_shown_and_nothing_is_saved(page, live_server, login, assert_accessible):
    login(page, live_server, make_user())

    page.goto("/heroes/nominate/")
    page.get_by_label("Surgeon's name").fill("Dr. Too Short")
    page.get_by_label("Your story").fill("Kind.")
    page.get_by_role("button", name="Send my nomination").click()
    page.wait_for_load_state("load")

    assert page.get_by_text("Please tell us a little more").is_visible()
    assert page.get_by_text("agree to the hero policy to send").is_visible()
    assert_accessible(page)
    assert not Nomination.objects.exists()


def test_nominate_this_surgeon_from_a_hero_page(page, live_server, login, assert_accessible):
    hero = make_hero(name="Ana Demo-Rivera (fictional)", slug="ana", is_featured=True,
                     bio="A **demo** hero.", featured_title="Knee osteotomy, explained",
                     featured_url="/articles/")  # fmt: skip
    make_nomination(hero=hero, status="approved", may_publish_story=True)
    login(page, live_server, make_user())

    page.goto("/heroes/")
    assert_accessible(page)
    page.get_by_role("link", name="Dr. Ana Demo-Rivera (fictional)").click()
    page.wait_for_url("**/heroes/ana/")
    assert_accessible(page)
    page.get_by_role("link", name="Nominate this surgeon").click()
    page.wait_for_url("**/heroes/nominate/?hero=ana")

    selected = page.get_by_label("A surgeon already on our Heroes page")
    assert selected.input_value() == str(hero.pk)


def test_visitor_reads_the_policy_and_the_home_heroes(page, live_server, assert_accessible):
    ensure_policy_page()  # browser tests flush the database, data migrations included
    make_hero(name="Robert Klapper", featured_title="Preventing Knee Surgery", is_featured=True)

    page.goto("/")
    assert page.get_by_text("Preventing Knee Surgery (not online)").is_visible()
    assert page.get_by_role("link", name="Preventing Knee Surgery").count() == 0
    page.get_by_role("link", name="Hero policy").click()
    page.wait_for_url("**/heroes/policy/")

    assert page.get_by_role("heading", level=1).inner_text() == "Hero policy"
    assert_accessible(page)
