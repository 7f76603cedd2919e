"""The welcome page a new member lands on, and the latest posts across all forums: each
at phone and desktop size, in the light and the dark colour scheme, axe clean."""

import pytest
from playwright.sync_api import expect

from forums.models import ForumWatch, RecoveryRecord
from tests.factories import make_article, make_body_part, make_user
from tests.forums.factories import make_forum, make_thread

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

SIZES = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 800}}


def _check_every_way(page, assert_accessible):
    for size in SIZES.values():
        page.set_viewport_size(size)
        for scheme in ("light", "dark"):
            page.emulate_media(color_scheme=scheme)
            assert_accessible(page)
    page.emulate_media(color_scheme="light")


def test_a_new_member_sets_up_from_the_welcome_page(page, live_server, login, assert_accessible):
    part = make_body_part(name="Knee", slug="knee")
    knee = make_article(title="Knee osteotomy", slug="knee-osteotomy", body_part=part)
    forum = make_forum(name="Knee surgery", body_part=part)
    member = make_user(username="kneehealer")
    login(page, live_server, member)

    page.goto("/welcome/")
    expect(page.get_by_role("heading", name="Welcome, kneehealer")).to_be_visible()
    _check_every_way(page, assert_accessible)

    page.get_by_label("Knee osteotomy").check()
    page.get_by_role("button", name="Watch their forums").click()
    expect(page.get_by_text("You are watching Knee surgery.")).to_be_visible()
    page.locator("#id_article").select_option(label="Knee osteotomy")
    page.get_by_label("Date of surgery").fill("2026-11-20")
    page.get_by_role("button", name="Save my surgery").click()
    expect(page.get_by_text("Your surgery is recorded")).to_be_visible()
    assert_accessible(page)

    assert ForumWatch.objects.filter(user=member, forum=forum).exists()
    assert RecoveryRecord.objects.get(user=member).article == knee
    page.get_by_role("button", name="kneehealer").click()
    page.locator(".dropdown-menu").get_by_role("link", name="My recovery").click()
    expect(page.get_by_text("Knee osteotomy", exact=False).first).to_be_visible()
    assert page.url.endswith("/forums/recovery/")


def test_a_member_reads_the_latest_across_all_forums(page, live_server, login, assert_accessible):
    make_thread(forum=make_forum(name="Knee surgery"), title="Brace question")
    make_thread(forum=make_forum(name="Hip surgery"), title="Stairs after hip replacement")
    login(page, live_server, make_user())

    page.goto("/forums/latest/")
    expect(page.get_by_role("heading", name="Latest in the forums")).to_be_visible()
    _check_every_way(page, assert_accessible)

    page.get_by_role("link", name="Stairs after hip replacement").click()
    expect(page.get_by_role("heading", name="Stairs after hip replacement")).to_be_visible()
