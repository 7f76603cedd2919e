"""Hostile input never breaks a page (issue 10): every URL in the resolver, with hostile
values in each path part and in each query parameter, answers anything but 500; views read
query parameters only through core.inputs, with keys from its one list."""

import re
from pathlib import Path
from urllib.parse import quote

import pytest
from django.urls import URLResolver, get_resolver, reverse

from accounts.emails import unsubscribe_token
from accounts.notifications import notify
from core import inputs
from core.models import SitePage
from forums.models import RecoveryRecord
from messaging.sending import start_conversation
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_member_image, make_user
from tests.forums.factories import make_post, make_thread
from tests.heroes.factories import make_hero, make_nomination
from tests.videos.factories import make_video

pytestmark = pytest.mark.django_db

ROOT = Path(__file__).resolve().parents[2]
APPS = ("accounts", "articles", "bench", "blogs", "core", "forums", "heroes", "messaging",
        "moderation", "portal", "search", "videos")  # fmt: skip
HOSTILE = ["\x00", "²", "\ud800", "x" * 5000, "../", "%", "😀", '"><script>', "1" * 30]
# A path part: <converter:name>, or a regex group (the admin's and allauth's patterns).
PART = re.compile(r"<[^>]+>|\((?:[^()]|\([^()]*\))*\)")


def _quote(value: str) -> str:
    """Percent-encoded as a client would send it; a lone surrogate becomes invalid UTF-8."""
    return quote(value.encode("utf-8", "surrogatepass"), safe="")


def _query(value: str) -> str:
    return "&".join(f"{key}={_quote(value)}" for key in sorted(inputs.QUERY_KEYS))


def _routes(patterns=None, prefix=""):
    for entry in get_resolver().url_patterns if patterns is None else patterns:
        if isinstance(entry, URLResolver):
            yield from _routes(entry.url_patterns, prefix + str(entry.pattern))
        else:
            yield prefix + str(entry.pattern)


def _fill(route: str, value: str) -> str:
    path = PART.sub(lambda match: _quote(value), route)
    return "/" + re.sub(r"[\^$\\]", "", path)


def _send(client, member, method: str, url: str):
    if member is not None and "_auth_user_id" not in client.session:
        client.force_login(member)  # a POST to the logout URL signed the member out
    response = getattr(client, method)(url)
    assert response.status_code != 500, f"{method.upper()} {url[:200]}"
    return response


def test_every_path_part_refuses_hostile_values(client, patient):
    """Anonymous GETs everywhere; a member's GETs and POSTs outside the admin (which sends
    members to its login page, as it does visitors)."""
    routes = list(_routes())
    site = [route for route in routes if not route.startswith("admin/")]
    for member, method, walked in ((None, "get", routes), (patient, "get", site),
                                   (patient, "post", site)):  # fmt: skip
        for route in walked:
            for value in HOSTILE:
                _send(client, member, method, f"{_fill(route, value)}?{_query(value)}")
        client.logout()


@pytest.fixture
def world(patient):
    """One of everything, the patient owning what a member can own."""
    article = make_article()
    thread = make_thread(author=patient, article=article)
    post = make_post(thread=thread, author=patient)
    blog_post = make_blog_post(author=patient, tags=["knee"], article=article)
    hero = make_hero()
    other = make_user()
    return {
        "member": patient,
        "other": other,
        "message": start_conversation(sender=other, recipients=[patient], body="Hi", token=None),
        "article": article,
        "thread": thread,
        "post": post,
        "blog_post": blog_post,
        "comment": make_comment(post=blog_post, author=patient),
        "hero": hero,
        "nomination": make_nomination(nominator=patient, hero=hero),
        "notification": notify(
            recipient=patient, kind="test", params={"legacy_text": "Hello"}, url="/"
        ),
        "record": RecoveryRecord.objects.create(
            user=patient, article=article, surgery_date="2024-01-01"
        ),
        "video": make_video(related_articles=[article]),
        "page": SitePage.objects.create(title="About", slug="about", body="About us."),
        "image": make_member_image(owner=patient, scope=f"forums.thread:{thread.pk}"),
    }


def _path_kwargs(world) -> dict[str, dict]:
    """Real objects for every named URL of ours that has path parts."""
    member, thread, post, blog_post = (world[k] for k in ("member", "thread", "post", "blog_post"))
    names = {
        "accounts:profile": {"username": member.username},
        "accounts:block": {"username": world["other"].username},
        "accounts:notification_open": {"pk": world["notification"].pk},
        "accounts:unsubscribe": {"token": unsubscribe_token(member)},
        "articles:detail": {"slug": world["article"].slug},
        "articles:print": {"slug": world["article"].slug},
        "articles:feedback": {"slug": world["article"].slug},
        "blogs:tag_detail": {"slug": "knee"},
        "blogs:tag_feed": {"slug": "knee"},
        "blogs:blog_detail": {"username": member.username},
        "blogs:blog_feed": {"username": member.username},
        "blogs:post_redirect": {"username": member.username, "pk": blog_post.pk},
        "blogs:post_detail": {
            "username": member.username,
            "pk": blog_post.pk,
            "slug": blog_post.slug,
        },  # fmt: skip
        "forums:thread_detail": {"pk": thread.pk, "slug": thread.slug},
        "forums:post_react": {"pk": post.pk, "kind": "helpful"},
        "forums:recovery_delete": {"pk": world["record"].pk},
        "heroes:nomination_done": {"pk": world["nomination"].pk},
        "heroes:story_report": {"pk": world["nomination"].pk},
        "moderation:report": {"app_label": "forums", "model_name": "post", "pk": post.pk},
        "moderation:hide": {"app_label": "forums", "model_name": "post", "pk": post.pk},
        "moderation:restore": {"app_label": "forums", "model_name": "post", "pk": post.pk},
        "moderation:make_members_only": {
            "app_label": "forums",
            "model_name": "thread",
            "pk": thread.pk,
        },
        "moderation:make_public": {"app_label": "forums", "model_name": "thread", "pk": thread.pk},
        "videos:detail": {"slug": world["video"].slug},
        "messaging:conversation": {"pk": world["message"].conversation_id},
        "messaging:message": {"pk": world["message"].pk},
        "messaging:report": {"pk": world["message"].pk},
        "site_page": {"slug": "about"},
        "member_image": {"key": world["image"].key.hex},
    }
    for name in ("post_edit", "post_delete", "post_hide", "post_restore", "comment_create"):
        names[f"blogs:{name}"] = {"pk": blog_post.pk}
    for name in ("comment_edit", "comment_delete", "comment_hide", "comment_restore"):
        names[f"blogs:{name}"] = {"pk": world["comment"].pk}
    for name in ("thread_redirect", "post_create", "thread_watch", "thread_lock", "thread_unlock",
                 "thread_pin", "thread_unpin", "thread_hide", "thread_restore", "thread_move"):  # fmt: skip
        names[f"forums:{name}"] = {"pk": thread.pk}
    for name in ("post_permalink", "post_edit", "post_delete", "post_hide", "post_restore",
                 "post_history", "post_quote", "post_clinician"):  # fmt: skip
        names[f"forums:{name}"] = {"pk": post.pk}
    for name in ("forum_detail", "thread_create", "forum_watch"):
        names[f"forums:{name}"] = {"slug": thread.forum.slug}
    for name in ("detail", "report"):
        names[f"heroes:{name}"] = {"slug": world["hero"].slug}
    return names


def _our_names():
    """(name, has path parts) for every named URL the project's own apps serve."""
    resolver = get_resolver()
    for name, possibilities in resolver.reverse_dict.lists():
        if isinstance(name, str) and possibilities[0][0][0][1]:
            yield name, True
    for namespace in ("accounts", "articles", "blogs", "forums", "heroes", "messaging",
                      "moderation", "videos"):  # fmt: skip
        _, sub = resolver.namespace_dict[namespace]
        for name, possibilities in sub.reverse_dict.lists():
            if isinstance(name, str):
                yield f"{namespace}:{name}", bool(possibilities[0][0][0][1])


def _our_urls(world) -> list[str]:
    kwargs = _path_kwargs(world)
    urls = []
    for name, has_parts in sorted(set(_our_names())):
        if name in kwargs or not has_parts:
            urls.append(reverse(name, kwargs=kwargs.get(name)))
    return urls


def test_the_walk_knows_every_url_of_ours(world):
    kwargs = _path_kwargs(world)
    missing = [name for name, has_parts in _our_names() if has_parts and name not in kwargs]
    missing = [name for name in missing if ":" in name or name == "site_page"]

    assert {"forums:thread_detail", "messaging:conversation"} <= kwargs.keys()  # the walk's own
    assert missing == []


@pytest.fixture
def keys_read(monkeypatch):
    """The query keys the views read during a request (all reads go through query_value)."""
    read = set()
    original = inputs.query_value

    def recording(request, key):
        read.add(key)
        return original(request, key)

    monkeypatch.setattr(inputs, "query_value", recording)
    return read


def test_every_query_parameter_refuses_hostile_values(client, world, keys_read):
    urls = _our_urls(world)
    for member, method in ((None, "get"), (world["member"], "get"), (world["member"], "post")):
        for url in urls:
            keys_read.clear()
            _send(client, member, method, url)
            assert keys_read <= inputs.QUERY_KEYS, url
            for value in HOSTILE:
                _send(client, member, method, f"{url}?{_query(value)}")
                for key in sorted(keys_read):
                    _send(client, member, method, f"{url}?{key}={_quote(value)}")
        client.logout()


# --- The one list of query keys, and the one place that reads them -------------------------

READS = re.compile(r"\b(?:query_value|query_int|query_slug|query_text)\(\s*request,\s*(\S+?)[,)]")


def _sources():
    for app in APPS:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.parts:
                yield path, path.read_text()


def test_views_read_query_parameters_only_through_core_inputs():
    direct = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path, text in _sources()
        if path != ROOT / "core" / "inputs.py"
        for line in text.splitlines()
        if re.search(r"request\.GET(?!\.urlencode\(\))", line)
    ]

    assert direct == []
    assert any("query_int(request" in text for _path, text in _sources())  # the scan reads


def test_every_query_key_read_is_on_the_list():
    keys = {
        match.group(1): path.relative_to(ROOT)
        for path, text in _sources()
        if path != ROOT / "core" / "inputs.py"
        for match in READS.finditer(text)
    }
    unlisted = {key: str(path) for key, path in keys.items() if key.strip("\"'") not in
                inputs.QUERY_KEYS or key[0] not in "\"'"}  # fmt: skip

    assert keys, "the scan found no reads: has core.inputs changed its helpers' names?"
    assert unlisted == {}


# --- Path parts and query values, one by one ----------------------------------------------


@pytest.mark.parametrize(
    "url",
    ["/members/%00/", "/blogs/%00/", "/blogs/tag/%00/", "/blogs/tag/%00/feed/", "/members/../",
     "/blogs/patient/1-%00/", "/articles/?body_part=%00", "/videos/?body_part=%00",
     "/heroes/nominate/?hero=%00", "/heroes/nominate/?member=%00", "/search/?body_part=%00"],
)  # fmt: skip
def test_a_malformed_name_is_not_found(client, patient, url):
    client.force_login(patient)
    well_formed = url.replace("%00", "patient").replace("..", "patient")

    assert client.get(url).status_code == 404
    assert client.get(well_formed).status_code != 500


@pytest.mark.parametrize("raw", ["²", "١", "1.5", "-1", "", "\x00", "1" * 19, " 1"])
def test_only_plain_numbers_are_numbers(raw):
    assert inputs.parse_int(raw) is None
    assert inputs.parse_int("7") == 7  # the sibling: a plain number is one


def test_a_plain_number_is_a_number():
    assert inputs.parse_int("42") == 42


def test_query_text_drops_control_characters(rf):
    request = rf.get("/search/", {"q": "knee\x00\x1b pain"})

    assert inputs.query_text(request, "q") == "knee pain"


def test_a_forum_filter_that_is_not_a_slug_is_not_found(client, world):
    url = reverse("forums:forum_detail", args=[world["thread"].forum.slug])

    assert client.get(url + "?procedure=%00").status_code == 404
    assert client.get(url + f"?procedure={world['article'].slug}").status_code == 200


def test_a_nonsense_quote_leaves_the_reply_empty(client, world):
    client.force_login(world["member"])
    url = reverse("forums:post_create", args=[world["thread"].pk])

    response = client.get(url + "?quote=²")

    assert response.status_code == 200
    assert response.context["form"].initial == {}


def test_nonsense_notification_ids_mark_nothing(client, world):
    client.force_login(world["member"])

    response = client.post(reverse("accounts:notifications_read"), {"id": ["²", "\x00", "x"]})

    assert response.status_code == 302
    world["notification"].refresh_from_db()
    assert world["notification"].read_at is None
