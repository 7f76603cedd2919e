"""The forum sections on other pages: home sidebar, article page, profile, nav."""

import re

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

    html, queries = _render(
        "{% discuss_procedure article %}",
        article=acl,
        user=make_user(),
        article_family_ids=[acl.pk],
    )

    # The article page names the article's family (articles.views). The forums, the latest ids (one UNION on PostgreSQL; on SQLite one query for the
    # article's threads and one for its forum's), the rows.
    assert queries == (3 if _one_union() else 4)
    assert "Discuss this procedure" in html
    assert html.count("ACL thread") == count
    assert f"/forums/{forum.slug}/new/?procedure={acl.slug}" in html


def _one_union() -> bool:
    from django.db import connection

    return connection.features.supports_slicing_ordering_in_compound


def test_discuss_procedure_lists_the_latest_threads_about_it_or_in_its_forums(moderator):
    acl = make_article(title="ACL reconstruction")
    linked, elsewhere = make_forum(articles=[acl]), make_forum()
    about = make_thread(forum=elsewhere, article=acl, title="About ACL elsewhere")
    in_forum = [make_thread(forum=linked, title=f"In the ACL forum {n}") for n in range(5)]
    make_thread(forum=elsewhere, title="Unrelated")
    make_thread(forum=linked, title="Hidden one").hide(by=moderator)
    make_post(thread=about)  # the most recent activity

    html, _ = _render("{% discuss_procedure article 4 %}", article=acl, user=None)

    titles = re.findall(r'class="fw-semibold" href="[^"]+">([^<]+)</a>', html)
    assert titles == [about.title, *(t.title for t in reversed(in_forum[-3:]))]


def test_discuss_procedure_reads_each_source_through_a_limit():
    from django.db import connection

    acl = make_article()
    forum = make_forum(articles=[acl])
    make_thread(forum=forum, article=acl)

    with CaptureQueriesContext(connection) as captured:
        _render("{% discuss_procedure article 5 %}", article=acl, user=None)

    reads = [q["sql"] for q in captured if 'FROM "forums_thread"' in q["sql"]]
    latest, rows = reads[:-1], reads[-1]
    assert latest and all("LIMIT 5" in sql and "ORDER BY" in sql for sql in latest)
    assert sum(sql.count("LIMIT 5") for sql in latest) == 2  # the article's, the forum's
    assert '"forums_thread"."id" IN' in rows


@pytest.mark.skipif("not _one_union()", reason="EXPLAIN is read on PostgreSQL")
def test_discuss_procedure_plan_reads_indexes_not_the_thread_table():
    """With thousands of threads, PostgreSQL walks the two indexes and stops at the limit
    (the old OR across forums scanned every thread)."""
    from django.db import connection

    from forums.models import Thread
    from forums.templatetags.forum_tags import latest_thread_ids, latest_thread_reads

    acl = make_article()
    forum, other = make_forum(articles=[acl]), make_forum()
    author = make_user()
    Thread.objects.bulk_create(
        Thread(forum=other if n % 10 else forum, author=author, title=f"T{n}", slug=f"t{n}")
        for n in range(4000)
    )
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE forums_thread")
    sources = [Thread.objects.filter(article=acl), Thread.objects.filter(forum=forum)]
    parts = latest_thread_reads(sources, 5)

    plan = parts[0].union(*parts[1:], all=True).explain()

    assert "thread_procedure" in plan and "thread_forum_latest" in plan
    assert "Seq Scan on forums_thread" not in plan
    assert len(latest_thread_ids(sources, 5)) == 5


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
