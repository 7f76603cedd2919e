"""Browser journeys for private messages and the privacy notice. Every page is checked
with axe and must ask no other host for anything (conftest)."""

import io

import pytest
from playwright.sync_api import expect

from core import demo
from messaging.models import Message
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_sends_a_message_from_a_profile_and_the_other_reads_it(
    page, live_server, login, assert_accessible
):
    make_user(username="kneefriend")
    login(page, live_server, make_user(username="kneehealer"))

    page.goto("/members/kneefriend/")
    assert_accessible(page)
    page.get_by_role("link", name="Send a private message").click()
    expect(page.get_by_label("To")).to_have_value("kneefriend")
    assert_accessible(page)
    page.get_by_label("Message").fill("How was **week two** for you?")
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_text("Your message is sent.")).to_be_visible()
    expect(page.locator(".post-card-body strong")).to_have_text("week two")
    assert_accessible(page)
    assert Message.objects.get().sender.username == "kneehealer"


def test_recipient_sees_the_unread_count_and_replies(page, live_server, login, assert_accessible):
    from messaging import sending

    friend = make_user(username="kneefriend")
    sending.start_conversation(
        sender=make_user(username="kneehealer"), recipients=[friend], body="Hi!", token=None
    )
    login(page, live_server, friend)

    page.goto("/")
    expect(page.get_by_role("link", name="Messages 1 unread")).to_be_visible()
    page.get_by_role("link", name="Messages 1 unread").click()
    assert_accessible(page)
    page.get_by_role("link", name="With kneehealer").click()
    page.get_by_role("textbox", name="Message").fill("Hello back")
    page.get_by_role("button", name="Send").click()

    expect(page.get_by_text("Hello back")).to_be_visible()
    expect(page.get_by_role("link", name="Messages", exact=True)).to_be_visible()
    assert_accessible(page)


def test_visitor_reads_the_privacy_notice(page, live_server, assert_accessible):
    demo.load(stdout=io.StringIO())

    page.goto("/")
    page.get_by_role("link", name="Privacy").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Privacy")
    expect(page.get_by_role("heading", name="Who sees what")).to_be_visible()
    expect(page.get_by_text("What stays")).to_be_visible()
    assert_accessible(page)
