"""Browser journeys for blogs: write with the live preview, publish, read, comment.
Every page is checked with axe and must ask no other host for anything (conftest)."""

import re

import pytest
from playwright.sync_api import expect

from blogs.models import BlogPost, Comment
from tests.blogs.factories import make_post
from tests.factories import make_user

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_member_writes_previews_and_publishes_a_post(page, live_server, login, assert_accessible):
    author = make_user(username="kneehealer")
    login(page, live_server, author)

    page.goto("/blogs/new/")
    assert_accessible(page)
    page.get_by_label("Title").fill("Week two: first walk to the shop")
    page.get_by_label("Body").fill("Walked **all the way** to the shop today.")
    expect(page.locator("#post-preview strong")).to_have_text("all the way")
    expect(page.locator("#autosave-status")).to_contain_text("Draft saved", timeout=10_000)
    page.get_by_label("Tags").fill("knee, week 2")
    page.get_by_role("button", name="Publish", exact=True).click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Week two: first walk to the shop")
    expect(page.get_by_text("Your post is published.")).to_be_visible()
    assert_accessible(page)
    post = BlogPost.objects.get()
    assert post.is_live and post.author == author

    page.goto("/blogs/")
    expect(page.get_by_role("link", name="Week two: first walk to the shop")).to_be_visible()
    assert_accessible(page)


def test_failed_submit_keeps_the_draft_text(page, live_server, login):
    login(page, live_server, make_user())

    page.goto("/blogs/new/")
    page.get_by_label("Body").fill("A long paragraph I do not want to lose.")
    page.get_by_role("button", name="Save draft").click()

    expect(page.locator(".invalid-feedback, .errorlist").first).to_be_visible()
    expect(page.get_by_label("Body")).to_have_value("A long paragraph I do not want to lose.")


def test_member_comments_and_the_author_can_reply(page, live_server, login, assert_accessible):
    author = make_user(username="hipnewme")
    post = make_post(author=author, title="Hip replacement: week one", tags=["hip"])
    reader = make_user(username="carer_jo")
    login(page, live_server, reader)

    page.goto(post.get_absolute_url())
    assert_accessible(page)
    page.get_by_role("textbox", name="Comment").fill("My dad had the same. It gets better!")
    page.get_by_role("button", name="Post comment").click()

    expect(page.get_by_text("My dad had the same. It gets better!")).to_be_visible()
    expect(page.get_by_role("heading", name=re.compile(r"Comments \(1\)"))).to_be_visible()
    assert_accessible(page)
    comment = Comment.objects.get()
    assert comment.author == reader
    assert author.notifications.filter(kind="blog_comment").exists()


def test_visitor_reads_home_blog_post_and_feed_link(page, live_server, assert_accessible):
    post = make_post(author=make_user(username="singhnri123"),
                     title="Does Creatine cause Hair Loss?")  # fmt: skip

    page.goto("/")
    section = page.get_by_role("region", name="Blogs")
    expect(section.get_by_role("link", name="Does Creatine cause Hair Loss?")).to_be_visible()
    expect(section.get_by_text("By singhnri123")).to_be_visible()
    expect(section.get_by_role("link", name="more Blogs")).to_be_visible()
    section.get_by_role("link", name="Does Creatine cause Hair Loss?").click()

    expect(page).to_have_url(re.compile(re.escape(post.get_absolute_url()) + "$"))
    expect(page.locator('link[rel="alternate"][type="application/rss+xml"]')).to_have_count(1)
    expect(page.get_by_text("Sign in")).not_to_have_count(0)
    assert_accessible(page)


def test_author_edits_a_post_with_a_cover(page, live_server, login, assert_accessible, settings):
    from django.core.files.base import ContentFile

    from tests.blogs.factories import image_bytes

    author = make_user()
    post = make_post(author=author, title="With a picture", cover_alt="A knee brace")
    post.cover.save("brace.jpg", ContentFile(image_bytes("JPEG")))
    login(page, live_server, author)

    page.goto(post.get_absolute_url())
    expect(page.get_by_role("img", name="A knee brace")).to_be_visible()
    assert_accessible(page)
    page.get_by_role("link", name="Edit").click()
    expect(page.locator("#post-preview")).to_contain_text("Day")
    assert_accessible(page)
