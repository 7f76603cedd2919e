"""Members-only spaces: a members-only forum, and members-only threads in a public forum.
Visitors (and a closed account) get the gate and nothing of the posts, their authors or a
hidden title, in every output: pages, redirects, lists, search (results, counts,
suggestions), sitemap, page cache, home sidebar, articles, profiles and <meta>; members,
suspended members and moderators read them; moderators move a thread in and out (logged)."""

import datetime
from io import StringIO
from types import SimpleNamespace

import pytest
from django.contrib import admin
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from django.utils import timezone

from accounts.models import User
from forums import moderating
from forums.admin import ForumAdmin
from forums.models import Forum, Thread
from moderation import services
from moderation.links import moderation_url
from moderation.models import ModerationLogEntry, Report
from search.models import SearchEntry, SearchWord
from tests.factories import committed, make_article, make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db

SECRET_BODY = "Nobody outside should read about my lighthouse nightmares."
SECRET_REPLY = "Same here, the lighthouse dream every night."


@pytest.fixture
def suspended(db):
    return make_user(
        username="suspended", suspended_until=timezone.now() + datetime.timedelta(days=7)
    )


@pytest.fixture
def closed_account(db):
    user = make_user(username="closed")
    user.deleted_at, user.is_active = timezone.now(), False
    user.save()
    return user


@pytest.fixture
def space(db):
    """A public forum with a public thread, a members-only thread whose title shows and one
    whose title does not; a members-only forum with a thread and a reply."""
    article = make_article(title="Hip replacement", slug="hip-replacement")
    author = make_user(username="quietmember")
    public_forum = make_forum(name="Hip surgery", slug="hip", articles=[article])
    members_forum = make_forum(name="Feelings after surgery", slug="feelings", members_only=True)
    public = make_thread(
        forum=public_forum, author=author, title="Swimming after hip surgery",
        body="Public words about swimming.", article=article,
    )  # fmt: skip
    titled = make_thread(
        forum=public_forum, author=author, title="Nightmares after hip surgery",
        body=SECRET_BODY, members_only=True, title_public=True, article=article,
    )  # fmt: skip
    untitled = make_thread(
        forum=public_forum, author=author, title="Crying at physio every week",
        body="Private words about crying.", members_only=True, article=article,
    )  # fmt: skip
    closed = make_thread(
        forum=members_forum, author=author, title="Lighthouse loneliness",
        body=SECRET_BODY, article=article,
    )  # fmt: skip
    reply = make_post(thread=closed, author=make_user(username="replier"), body=SECRET_REPLY)
    return SimpleNamespace(
        article=article, author=author, public_forum=public_forum,
        members_forum=members_forum, public=public, titled=titled, untitled=untitled,
        closed=closed, reply=reply,
    )  # fmt: skip


READERS = ["patient", "suspended", "moderator"]
OUTSIDERS = ["visitor", "closed_account"]


def _get(client, url):
    response = client.get(url)
    return response, response.content.decode()


# --- the thread page -------------------------------------------------------------------


@pytest.mark.parametrize("persona_name", OUTSIDERS)
def test_outsider_on_a_members_only_forum_thread_gets_the_gate_only(
    client, persona, space, persona_name
):
    persona(persona_name)

    response, html = _get(client, space.closed.get_absolute_url())

    assert response.status_code == 403
    assert "Members only: sign in to read" in html
    assert reverse("account_login") in html and reverse("account_signup") in html
    assert '<meta name="robots" content="noindex">' in html
    for secret in ("Lighthouse loneliness", "lighthouse", "quietmember", "replier"):
        assert secret not in html


def test_visitor_sees_a_title_its_author_let_show_but_not_the_posts(client, space):
    response, html = _get(client, space.titled.get_absolute_url())

    assert response.status_code == 403
    assert "Nightmares after hip surgery" in html
    assert "Members only: sign in to read" in html
    assert SECRET_BODY not in html and "quietmember" not in html


def test_visitor_on_a_members_only_thread_with_its_title_hidden(client, space):
    response, html = _get(client, space.untitled.get_absolute_url())

    assert response.status_code == 403
    assert "A members-only thread" in html
    assert "Crying" not in html and "crying" not in html


@pytest.mark.parametrize("persona_name", READERS)
def test_members_read_members_only_threads_unindexed_and_uncached(
    client, persona, space, persona_name
):
    persona(persona_name)

    response, html = _get(client, space.closed.get_absolute_url())

    assert response.status_code == 200
    assert SECRET_BODY in html and SECRET_REPLY in html and "replier" in html
    assert '<meta name="robots" content="noindex">' in html
    assert "private" in response["Cache-Control"]
    description = html.split('<meta name="description" content="')[1].split('"')[0]
    assert description == "A members-only discussion in Feelings after surgery."


def test_public_thread_keeps_its_description_and_is_indexable(client, space):
    response, html = _get(client, space.public.get_absolute_url())

    assert response.status_code == 200
    assert 'content="Swimming after hip surgery: a discussion in Hip surgery."' in html
    assert "noindex" not in html


@pytest.mark.parametrize(
    "url",
    [
        lambda s: reverse("forums:thread_redirect", args=[s.untitled.pk]),
        lambda s: reverse("forums:thread_detail", args=[s.untitled.pk, "wrong-slug"]),
        lambda s: s.reply.get_absolute_url(),
    ],
    ids=["short-address", "wrong-slug", "post-permalink"],
)
def test_visitor_is_not_redirected_to_an_address_that_spells_the_title(client, space, url):
    response, html = _get(client, url(space))

    assert response.status_code == 403
    assert "Members only: sign in to read" in html
    assert "Location" not in response
    assert "crying" not in html and "lighthouse" not in html


def test_member_follows_the_short_address_to_the_thread(client, patient, space):
    client.force_login(patient)

    response = client.get(reverse("forums:thread_redirect", args=[space.closed.pk]))

    assert response.status_code == 302
    assert response["Location"] == space.closed.get_absolute_url()


def test_hidden_members_only_thread_stays_hidden_from_members(client, patient, moderator, space):
    services.hide(target=space.closed, moderator=moderator)
    client.force_login(patient)

    assert client.get(space.closed.get_absolute_url()).status_code == 404
    client.force_login(moderator)
    assert client.get(space.closed.get_absolute_url()).status_code == 200


# --- forum pages -----------------------------------------------------------------------


@pytest.mark.parametrize("persona_name", OUTSIDERS)
def test_outsider_on_a_members_only_forum_sees_no_titles(client, persona, space, persona_name):
    persona(persona_name)

    response, html = _get(client, space.members_forum.get_absolute_url())

    assert response.status_code == 403
    assert "Feelings after surgery" in html and "Members only: sign in to read" in html
    assert "Lighthouse" not in html


@pytest.mark.parametrize("persona_name", READERS)
def test_members_see_the_members_only_forum(client, persona, space, persona_name):
    persona(persona_name)

    response, html = _get(client, space.members_forum.get_absolute_url())

    assert response.status_code == 200
    assert "Lighthouse loneliness" in html
    assert '<meta name="robots" content="noindex">' in html


def test_visitor_lists_a_public_forum_without_hidden_titles_or_authors(client, space):
    response, html = _get(client, space.public_forum.get_absolute_url())

    assert response.status_code == 200
    assert "Swimming after hip surgery" in html
    assert "Nightmares after hip surgery" in html  # its author let the title show
    row = html.split("Nightmares after hip surgery")[1].split("</tr>")[0]
    assert "quietmember" not in row and "Members only" in html
    assert "Crying at physio" not in html
    assert response.context["page_obj"].paginator.count == 2


def test_member_lists_every_thread_of_a_public_forum(client, patient, space):
    client.force_login(patient)

    html = client.get(space.public_forum.get_absolute_url()).content.decode()

    for title in ("Swimming after", "Nightmares after", "Crying at physio"):
        assert title in html


def test_forum_index_gives_visitors_their_own_counts_and_latest_post(client, patient, space):
    html = client.get(reverse("forums:forum_index")).content.decode()
    visitor_forums = {
        f.slug: f for f in client.get(reverse("forums:forum_index")).context["forums"]
    }

    assert "Feelings after surgery" in html and "Sign in to read" in html
    assert "Lighthouse" not in html and "Crying" not in html
    assert visitor_forums["hip"].shown_thread_count == 2  # public + the titled one
    assert visitor_forums["hip"].shown_post_count == 1
    assert visitor_forums["feelings"].shown_thread_count == 0

    client.force_login(patient)
    member_html = client.get(reverse("forums:forum_index")).content.decode()
    assert "Lighthouse loneliness" in member_html


def test_visitors_counters_kept_while_posting_match_a_recount(space):
    make_post(thread=space.public)
    make_post(thread=space.titled)
    forums = [Forum.objects.get(pk=space.public_forum.pk), Forum.objects.get(slug="feelings")]
    kept = [(f.public_thread_count, f.public_post_count, f.public_last_post_id) for f in forums]

    for forum in forums:
        forum.recount()

    assert kept == [
        (f.public_thread_count, f.public_post_count, f.public_last_post_id) for f in forums
    ]
    assert kept[0][:2] == (2, 2) and kept[1][:2] == (0, 0)


# --- starting a thread ------------------------------------------------------------------


def test_member_starts_a_members_only_thread_with_its_title_hidden(client, patient, space):
    client.force_login(patient)
    url = reverse("forums:thread_create", args=[space.public_forum.slug])
    form_token = client.get(url).context["form"]["form_token"].value()

    client.post(url, {"title": "Scared of the anaesthetic", "body": "Very scared.",
                      "members_only": "on", "form_token": form_token})  # fmt: skip

    thread = Thread.objects.get(title="Scared of the anaesthetic")
    assert thread.members_only and not thread.title_public
    assert client.get(thread.get_absolute_url()).status_code == 200
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 403


def test_thread_form_in_a_members_only_forum_has_no_audience_choice(client, patient, space):
    client.force_login(patient)

    form = client.get(reverse("forums:thread_create", args=["feelings"])).context["form"]
    public_form = client.get(reverse("forums:thread_create", args=["hip"])).context["form"]

    assert "members_only" not in form.fields and "title_public" not in form.fields
    assert "members_only" in public_form.fields


# --- search ----------------------------------------------------------------------------


def _search(client, q):
    response = client.get(reverse("search"), {"q": q})
    counts = {kind: count for kind, _, count in response.context["kinds"]}
    return response, counts


@pytest.mark.parametrize("persona_name", OUTSIDERS)
def test_outsiders_search_finds_no_members_only_words_nor_counts(
    client, persona, space, persona_name
):
    persona(persona_name)

    response, counts = _search(client, "lighthouse")
    public_response, public_counts = _search(client, "swimming")

    assert counts.get("thread", 0) == 0 and counts.get("post", 0) == 0
    assert response.context["total"] == 0
    assert "Lighthouse loneliness" not in response.content.decode()
    assert public_counts["thread"] == 1
    assert space.public.get_absolute_url() in public_response.content.decode()
    assert space.closed.get_absolute_url() not in response.content.decode()


@pytest.mark.parametrize("persona_name", READERS)
def test_members_find_members_only_threads_and_replies_highlighted(
    client, persona, space, persona_name
):
    persona(persona_name)

    response, counts = _search(client, "lighthouse")

    assert counts["thread"] == 2 and counts["post"] == 1  # the titled thread's body too
    assert space.closed.get_absolute_url() in response.content.decode()
    assert "<mark>lighthouse</mark>" in response.content.decode().lower()


def test_did_you_mean_uses_only_the_readers_vocabulary(client, patient, space):
    visitor, _ = _search(client, "loneliness")
    assert visitor.context["total"] == 0

    visitor_typo, _ = _search(client, "lonelinesss")
    client.force_login(patient)
    member_typo, _ = _search(client, "lonelinesss")

    assert visitor_typo.context["suggestion"] == ""
    assert member_typo.context["suggestion"] == "loneliness"


def test_index_entries_carry_their_audience(space):
    audiences = dict(SearchEntry.objects.values_list("url", "audience"))

    assert audiences[space.public.get_absolute_url()] == "public"
    assert audiences[space.titled.get_absolute_url()] == "members"
    assert audiences[space.closed.get_absolute_url()] == "members"
    assert audiences[space.reply.get_absolute_url()] == "members"


def test_moderator_makes_a_forum_members_only_and_it_leaves_the_public_index(
    client, moderator, space
):
    client.force_login(moderator)
    url = reverse("admin:forums_forum_changelist")
    chosen = [space.public_forum.pk]

    client.post(url, {"action": "members_only_forums", "_selected_action": chosen})

    entries = SearchEntry.objects.filter(url=space.public.get_absolute_url())
    assert entries.get().audience == "members"
    assert not SearchWord.objects.filter(word="swimming", audience="public").exists()
    assert SearchWord.objects.filter(word="swimming", audience="members").exists()
    forum = Forum.objects.get(pk=space.public_forum.pk)
    assert forum.members_only
    assert (forum.public_thread_count, forum.public_post_count) == (0, 0)
    entry = ModerationLogEntry.objects.get(action="make members-only")
    assert (entry.actor, entry.object_id) == (moderator, forum.pk)

    client.post(url, {"action": "public_forums", "_selected_action": chosen})

    assert entries.get().audience == "public"
    assert not Forum.objects.get(pk=forum.pk).members_only


def test_editor_ticking_members_only_on_the_forum_page_moves_its_threads(rf, editor, space):
    forum = space.public_forum
    forum.members_only = True
    request = rf.post("/")
    request.user = editor

    ForumAdmin(Forum, admin.site).save_model(
        request, forum, SimpleNamespace(changed_data=["members_only"]), change=True
    )

    assert SearchEntry.objects.get(url=space.public.get_absolute_url()).audience == "members"
    assert ModerationLogEntry.objects.get(action="make members-only").actor == editor


# --- the other outputs -----------------------------------------------------------------


def test_sitemap_lists_public_threads_and_forums_only(client, space):
    xml = client.get(reverse("sitemap")).content.decode()

    assert space.public.get_absolute_url() in xml
    assert space.public_forum.get_absolute_url() in xml
    for hidden in (space.titled, space.untitled, space.closed, space.members_forum):
        assert hidden.get_absolute_url() not in xml


@pytest.mark.parametrize("persona_name", ["visitor", "patient"])
def test_home_sidebar_shows_public_threads_only(client, persona, space, persona_name):
    persona(persona_name)

    html = client.get(reverse("home")).content.decode()

    assert "Swimming after hip surgery" in html
    for secret in ("Nightmares after", "Crying at physio", "Lighthouse", "lighthouse"):
        assert secret not in html


def test_article_discussion_section_shows_public_threads_only(client, space):
    html = client.get(space.article.get_absolute_url()).content.decode()

    assert "Swimming after hip surgery" in html
    for secret in ("Nightmares after", "Crying at physio", "Lighthouse"):
        assert secret not in html


def test_profile_activity_lists_public_posts_only(client, patient, space):
    client.force_login(patient)

    html = client.get(reverse("accounts:profile", args=["quietmember"])).content.decode()

    assert "Public words about swimming." in html
    assert "lighthouse" not in html and "crying" not in html


# --- the anonymous page cache ------------------------------------------------------------


@pytest.fixture
def page_cache_on(settings):
    settings.PAGE_CACHE_SECONDS = 300


@pytest.mark.usefixtures("page_cache_on")
def test_visitor_after_a_member_gets_the_gate_not_the_members_page(client, patient, space):
    member = client.__class__()
    member.force_login(patient)
    assert SECRET_BODY in member.get(space.closed.get_absolute_url()).content.decode()
    member.get(space.public_forum.get_absolute_url())

    response, html = _get(client, space.closed.get_absolute_url())
    forum_page, forum_html = _get(client, space.public_forum.get_absolute_url())

    assert response.status_code == 403 and "Members only: sign in to read" in html
    assert SECRET_BODY not in html
    assert "Swimming after hip surgery" in forum_html and "Crying at physio" not in forum_html
    assert forum_page["X-Page-Cache"] == "miss"  # the member's page was never stored


@pytest.mark.usefixtures("page_cache_on")
def test_a_cached_public_page_is_not_served_once_the_thread_is_members_only(
    client, moderator, space, django_capture_on_commit_callbacks
):
    url = space.public.get_absolute_url()
    client.get(url)
    assert client.get(url)["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        services.make_members_only(target=space.public, moderator=moderator)
    response, html = _get(client, url)

    assert response.status_code == 403
    assert "Public words about swimming." not in html
    assert "Members only: sign in to read" in html


# --- moderators' members-only action ------------------------------------------------------


def test_moderator_moves_a_thread_to_members_only_and_back_logged(client, moderator, space):
    client.force_login(moderator)
    url = space.public.get_absolute_url()

    client.post(moderation_url("make_members_only", space.public), {"note": "Crisis"})

    space.public.refresh_from_db()
    assert space.public.members_only
    entry = ModerationLogEntry.objects.get(action="make members-only")
    assert (entry.actor, entry.object_id, entry.note) == (moderator, space.public.pk, "Crisis")
    assert SearchEntry.objects.get(url=url).audience == "members"
    client.logout()
    assert client.get(url).status_code == 403

    client.force_login(moderator)
    client.post(moderation_url("make_public", space.public))
    space.public.refresh_from_db()
    assert not space.public.members_only
    assert ModerationLogEntry.objects.filter(action="make public").count() == 1
    assert SearchEntry.objects.get(url=url).audience == "public"


def test_moving_to_members_only_drops_its_title_words_from_visitors_suggestions(moderator, space):
    make_post(thread=space.public, body="A reply: its entry shows the thread's title.")
    assert SearchWord.objects.filter(word="swimming", audience="public").exists()

    services.make_members_only(target=space.public, moderator=moderator)

    assert not SearchWord.objects.filter(word="swimming", audience="public").exists()
    assert SearchWord.objects.filter(word="hip", audience="public").exists()  # still used


def test_thread_page_offers_moderators_the_action(client, moderator, patient, space):
    client.force_login(moderator)
    html = client.get(space.public.get_absolute_url()).content.decode()
    assert moderation_url("make_members_only", space.public) in html

    client.force_login(patient)
    html = client.get(space.public.get_absolute_url()).content.decode()
    assert "Swimming after hip surgery" in html
    assert moderation_url("make_members_only", space.public) not in html


@pytest.mark.parametrize("persona_name", ["patient", "visitor"])
def test_only_moderators_may_move_a_thread(client, persona, space, persona_name):
    persona(persona_name)

    response = client.post(moderation_url("make_members_only", space.public))

    assert response.status_code in (302, 403)
    if response.status_code == 302:
        assert reverse("account_login") in response["Location"]
    space.public.refresh_from_db()
    assert not space.public.members_only
    assert not ModerationLogEntry.objects.filter(action="make members-only").exists()


def test_a_thread_of_a_members_only_forum_cannot_be_made_public(client, moderator, space):
    client.force_login(moderator)

    response = client.post(moderation_url("make_public", space.closed))

    assert response.status_code == 403
    assert Thread.objects.get(pk=space.closed.pk).is_members_only


def test_moderator_action_on_a_missing_thread_is_a_404(client, moderator, space):
    client.force_login(moderator)

    missing = client.post(reverse("moderation:make_members_only", args=["forums", "thread", 0]))
    unknown = client.post(reverse("moderation:make_members_only", args=["forums", "nope", 1]))
    found = client.post(moderation_url("make_members_only", space.public))

    assert (missing.status_code, unknown.status_code) == (404, 404)
    assert found.status_code == 302  # the same request on a real thread acts
    assert ModerationLogEntry.objects.get().object_id == space.public.pk


def test_moderator_moves_a_reported_posts_thread_from_the_report_page(
    client, moderator, patient, space
):
    post = make_post(thread=space.public, body="Something worrying.")
    with committed():
        report = services.report_content(target=post, reporter=patient, reason="other")
    client.force_login(moderator)
    page = reverse("admin:moderation_report_change", args=[report.pk])
    assert "Move the thread to members-only" in client.get(page).content.decode()

    client.post(page, {"do": "members_only"})

    assert Thread.objects.get(pk=space.public.pk).members_only
    entry = ModerationLogEntry.objects.get(action="make members-only")
    assert entry.object_id == space.public.pk and entry.note_text == "From a report."
    assert Report.objects.get(pk=report.pk).is_open  # the report stays for its own decision


@pytest.fixture
def rf():
    return RequestFactory()


def test_title_choice_without_members_only_changes_nothing(client, patient, space):
    client.force_login(patient)
    url = reverse("forums:thread_create", args=[space.public_forum.slug])
    token = client.get(url).context["form"]["form_token"].value()

    client.post(url, {"title": "Open talk", "body": "Hello.", "title_public": "on",
                      "form_token": token})  # fmt: skip

    thread = Thread.objects.get(title="Open talk")
    assert not thread.members_only and not thread.title_public
    client.logout()
    assert client.get(thread.get_absolute_url()).status_code == 200


def test_moderator_moves_threads_in_bulk_from_the_admin(client, moderator, space):
    client.force_login(moderator)
    url = reverse("admin:forums_thread_changelist")
    chosen = [space.public.pk, space.closed.pk]  # the second is members-only already

    client.post(url, {"action": "members_only_selected", "_selected_action": chosen})

    assert Thread.objects.get(pk=space.public.pk).members_only
    assert ModerationLogEntry.objects.filter(action="make members-only").count() == 1

    client.post(url, {"action": "public_selected", "_selected_action": chosen})

    assert not Thread.objects.get(pk=space.public.pk).members_only
    assert Thread.objects.get(pk=space.closed.pk).is_members_only  # its forum keeps it
    assert ModerationLogEntry.objects.filter(action="make public").count() == 1


def test_demo_has_a_members_only_forum_with_two_threads(client):
    call_command("load_demo", stdout=StringIO())
    call_command("load_demo", stdout=StringIO())

    forum = Forum.objects.get(name="Feelings and mental health after surgery")
    assert forum.members_only and forum.threads.count() == 2
    thread = forum.threads.first()
    response = client.get(thread.get_absolute_url())
    assert response.status_code == 403 and thread.title not in response.content.decode()
    client.force_login(User.objects.get(username="kneehealer"))
    assert thread.title in client.get(thread.get_absolute_url()).content.decode()


@pytest.mark.usefixtures("page_cache_on")
def test_a_cached_thread_page_is_not_served_once_its_forum_is_members_only(
    client, moderator, space, django_capture_on_commit_callbacks
):
    url = space.public.get_absolute_url()
    client.get(url)
    cached = client.get(url)
    assert cached["X-Page-Cache"] == "hit"

    with django_capture_on_commit_callbacks(execute=True):
        moderating.set_forum_members_only(forum=space.public_forum, value=True, moderator=moderator)
    response, html = _get(client, url)

    assert response.status_code == 403
    assert "Public words about swimming." not in html
    assert "Members only: sign in to read" in html
