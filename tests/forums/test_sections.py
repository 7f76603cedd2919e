"""The forum sections on other pages: home sidebar, article page, profile, nav."""

import pytest
from django.template import Context, Template
from django.test.utils import CaptureQueriesContext

from tests.factories import make_article, make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


def _render(source, **context):
    from django.db import connection

    with CaptureQueriesContext(connection) as captured:
        html = Template("{% load forum_tags %}" + source).render(Context(context))
    return html, len(captured)


def test_home_sidebar_shows_latest_threads_like_the_seed(client):
    author = make_user(username="dadoody")
    thread = make_thread(author=author, title="5 days post op ACL surgery - strange horrible pain")
    make_post(thread=thread, body="I'm 12 years post op, but I remember that pain.")

    page = client.get("/").content.decode()

    assert "5 days post op ACL surgery - strange horrible pain" in page
    assert "By dadoody" in page
    assert "Posted: <time" in page
    assert "I&#x27;m 12 years post op" in page or "I'm 12 years post op" in page
    assert "Forums</a>" in page


@pytest.mark.parametrize("count", [1, 6])
def test_latest_threads_has_a_fixed_query_count(count):
    for _ in range(count):
        make_post()

    html, queries = _render("{% latest_threads 5 %}")

    assert queries == 1
    assert html.count('sidebar-section-meta">By') == min(count, 5)


def test_latest_threads_renders_nothing_when_empty():
    empty, _ = _render("{% latest_threads 5 %}")
    make_thread(title="First one")
    html, _ = _render("{% latest_threads 5 %}")

    assert "First one" in html
    assert empty.strip() == ""


def test_latest_threads_skip_hidden_threads(moderator):
    make_thread(title="Visible one")
    make_thread(title="Hidden one").hide(by=moderator)

    html, _ = _render("{% latest_threads 5 %}")

    assert "Visible one" in html
    assert "Hidden one" not in html


@pytest.mark.parametrize("count", [1, 4])
def test_discuss_procedure_lists_threads_with_fixed_queries(count):
    acl = make_article(title="ACL reconstruction")
    forum = make_forum(articles=[acl])
    for n in range(count):
        make_thread(forum=forum, title=f"ACL thread {n}")

    html, queries = _render("{% discuss_procedure article %}", article=acl, user=make_user())

    assert queries == 2
    assert "Discuss this procedure" in html
    assert html.count("ACL thread") == count
    assert f"/forums/{forum.slug}/new/?procedure={acl.slug}" in html


def test_article_page_shows_discuss_this_procedure(client):
    acl = make_article(title="ACL reconstruction")
    make_thread(forum=make_forum(articles=[acl]), title="ACL week one", article=acl)

    page = client.get(acl.get_absolute_url()).content.decode()

    assert "Discuss this procedure" in page and "ACL week one" in page


def test_start_thread_link_preselects_the_procedure(client, patient):
    acl = make_article()
    forum = make_forum(articles=[acl])
    client.force_login(patient)

    response = client.get(f"/forums/{forum.slug}/new/?procedure={acl.slug}")

    assert response.context["form"].initial["article"] == acl


@pytest.mark.parametrize("count", [1, 7])
def test_member_recent_posts_fixed_queries(count, moderator):
    member = make_user()
    for _ in range(count):
        make_post(author=member)
    hidden = make_post(author=member, body="Hidden reply")
    hidden.hide(by=moderator)

    html, queries = _render("{% member_recent_posts member 5 %}", member=member)

    assert queries == 1
    assert html.count("<li") == min(count, 5)
    assert "Hidden reply" not in html


def test_profile_lists_recent_posts(client, patient):
    post = make_post(author=patient)

    page = client.get(patient.get_absolute_url()).content.decode()

    assert "Recent forum posts" in page and post.thread.title in page


def test_nav_links_to_the_forums(client):
    assert 'href="/forums/"' in client.get("/").content.decode()


def test_sitemap_lists_forums_and_public_threads(client, moderator):
    visible = make_thread(title="Visible")
    hidden = make_thread(title="Hidden")
    hidden.hide(by=moderator)

    body = client.get("/sitemap.xml").content.decode()

    assert visible.get_absolute_url() in body
    assert hidden.get_absolute_url() not in body
    assert visible.forum.get_absolute_url() in body


def test_member_recent_posts_can_leave_out_its_heading():
    member = make_user()
    make_post(author=member)

    html, _ = _render('{% member_recent_posts member 5 heading="" %}', member=member)

    assert "<h2" not in html and "<li" in html
