"""One sweep over every URL of ours, found by walking the URL resolver. Each URL that accepts
a POST refuses a visitor (to the login page, or 403), a POST without a CSRF token (403) and,
for URLs that belong to someone, another member (403 or 404), and none of them changes
anything in the database. Write URLs without a form page answer a GET with 405.

A new URL makes `test_every_url_of_ours_is_in_the_sweep` fail until it is added to
WRITE_URLS (how to build its arguments and who may post) or to NOT_WRITE_URLS (why not)."""

import pytest
from django.apps import apps
from django.conf import settings
from django.test import Client
from django.urls import URLResolver, get_resolver, reverse

from forums.models import RecoveryRecord
from tests.blogs.factories import make_comment
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_user
from tests.forums.factories import make_forum, make_post, make_thread
from tests.messaging.factories import make_conversation

pytestmark = pytest.mark.django_db

# Plausible form data, so a view that forgot its check would act on it.
PAYLOAD = {"body": "Changed.", "title": "Changed", "reason": "spam", "confirm": "x", "bio": "x"}


def anyone(*args):
    """A URL any signed-in member may post to: (URL arguments, owner None)."""
    return lambda: (list(args), None)


def for_moderators(make):
    return lambda: ([make().pk], make_user(role="moderator"))


def hidden_post():
    post = make_post()
    post.hide(by=None)
    return post


def forum_post_by_author():
    post = make_post()
    return [post.pk], post.author


def blog_post_by_author():
    post = make_blog_post()
    return [post.pk], post.author


def comment_by_author():
    comment = make_comment()
    return [comment.pk], comment.author


def recovery_record_by_owner():
    record = RecoveryRecord.objects.create(
        user=make_user(), article=make_article(), surgery_date="2024-01-01"
    )
    return [record.pk], record.user


def surgeons_reply_with_thread_author():
    """A verified surgeon's reply: only the thread's author (or a moderator) may mark it."""
    thread = make_thread()
    reply = make_post(thread=thread, author=make_user(is_verified_surgeon=True))
    return [reply.pk], thread.author


def conversation_with_its_member():
    member = make_user()
    return [make_conversation(member, make_user()).pk], member


def message_with_its_recipient():
    recipient = make_user()
    return [make_conversation(make_user(), recipient).messages.get().pk], recipient


# URL name -> a function that builds (URL arguments, the one member allowed to post or None
# when every signed-in member may).
WRITE_URLS = {
    "accounts:settings": anyone(),
    "accounts:delete": anyone(),
    "accounts:verification": anyone(),
    "accounts:notifications_read": anyone(),
    "accounts:block": lambda: ([make_user().username], None),
    "messaging:new": anyone(),
    "messaging:conversation": conversation_with_its_member,
    "messaging:report": message_with_its_recipient,
    "moderation:report": lambda: (["forums", "post", make_post().pk], None),
    "moderation:hide": lambda: (["forums", "post", make_post().pk], make_user(role="moderator")),
    "moderation:make_members_only": lambda: (
        ["forums", "thread", make_thread().pk],
        make_user(role="moderator"),
    ),
    "moderation:make_public": lambda: (
        ["forums", "thread", make_thread(members_only=True).pk],
        make_user(role="moderator"),
    ),
    "moderation:restore": lambda: (
        ["forums", "post", hidden_post().pk],
        make_user(role="moderator"),
    ),
    "forums:thread_create": lambda: ([make_forum().slug], None),
    "forums:forum_watch": lambda: ([make_forum().slug], None),
    "forums:post_create": lambda: ([make_thread().pk], None),
    "forums:thread_watch": lambda: ([make_thread().pk], None),
    "forums:thread_lock": for_moderators(make_thread),
    "forums:thread_unlock": for_moderators(make_thread),
    "forums:thread_pin": for_moderators(make_thread),
    "forums:thread_unpin": for_moderators(make_thread),
    "forums:thread_move": for_moderators(make_thread),
    "forums:post_edit": forum_post_by_author,
    "forums:post_delete": forum_post_by_author,
    "forums:post_react": lambda: ([make_post().pk, "helpful"], None),
    "forums:post_check": anyone(),
    "forums:draft_save": anyone(),
    "forums:draft_discard": anyone(),
    "forums:post_clinician": surgeons_reply_with_thread_author,
    "preview": anyone(),
    "image_upload": anyone(),
    "forums:recovery_list": anyone(),
    "welcome": anyone(),
    "forums:recovery_delete": recovery_record_by_owner,
    "blogs:post_create": anyone(),
    "blogs:autosave": anyone(),
    "blogs:safety_check": anyone(),
    "blogs:blog_settings": anyone(),
    "blogs:post_edit": blog_post_by_author,
    "blogs:post_delete": blog_post_by_author,
    "blogs:comment_create": lambda: ([make_blog_post().pk], None),
    "blogs:comment_edit": comment_by_author,
    "blogs:comment_delete": comment_by_author,
    "heroes:nominate": anyone(),
}
# Write URLs that also show a form (or a confirmation page) on GET.
FORM_PAGES = {
    "accounts:settings",
    "accounts:delete",
    "accounts:verification",
    "moderation:report",
    "messaging:new",
    "messaging:conversation",
    "forums:thread_create",
    "forums:post_create",
    "forums:thread_move",
    "forums:post_edit",
    "forums:recovery_list",
    "welcome",
    "blogs:post_create",
    "blogs:blog_settings",
    "blogs:post_edit",
    "blogs:comment_edit",
    "heroes:nominate",
    "messaging:report",
}
# URL name -> why it is not swept as a write URL.
NOT_WRITE_URLS = {
    "accounts:unsubscribe": "one-click unsubscribe by signed token (RFC 8058): tested in "
    "tests/accounts/test_member_pages.py",
    "switch_language": "GET only: a link on cached pages that sets the language cookie (and "
    "a member's language setting) and redirects: tests/i18n/test_languages.py",
    "bench:baseline": "the benchmark's bare view (the dev-only bench app), only reads",
    "articles:feedback": 'open to visitors on purpose ("Was this page helpful?", no account '
    "needed): its CSRF check, rate limit and one row per form are tested in "
    "tests/articles/test_feedback.py",
    **dict.fromkeys(
        [
            "home",
            "site_page",
            "search",
            "healthz",
            "robots_txt",
            "media_file",
            "member_image",
            "forums:post_quote",
            "crisis_resources",
            "accounts:profile",
            "accounts:data_export",
            "accounts:notifications",
            "accounts:notification_open",
            "messaging:inbox",
            "messaging:message",
            "articles:list",
            "articles:detail",
            "articles:print",
            "videos:list",
            "videos:detail",
            "forums:forum_index",
            "forums:latest",
            "forums:forum_detail",
            "forums:thread_redirect",
            "forums:thread_detail",
            "forums:post_permalink",
            "forums:post_history",
            "blogs:post_list",
            "blogs:feed",
            "blogs:feed_atom",
            "blogs:tag_detail",
            "blogs:tag_feed",
            "blogs:blog_detail",
            "blogs:blog_feed",
            "blogs:post_redirect",
            "blogs:post_detail",
            "heroes:list",
            "heroes:detail",
            "heroes:policy",
            "heroes:nomination_list",
            "heroes:nomination_done",
        ],
        "a page that only reads",
    ),
}


def our_url_names() -> set[str]:
    """Named URLs whose views live in this repository (not the admin site, not allauth)."""
    names = set()

    def walk(patterns, prefix):
        for pattern in patterns:
            if isinstance(pattern, URLResolver) and pattern.namespace == "admin":
                continue  # staff only, behind the admin site's own checks
            if isinstance(pattern, URLResolver):
                namespace = f"{prefix}{pattern.namespace}:" if pattern.namespace else prefix
                walk(pattern.url_patterns, namespace)
            elif pattern.name and (settings.BASE_DIR / pattern.lookup_str.split(".")[0]).is_dir():
                names.add(prefix + pattern.name)

    walk(get_resolver().url_patterns, "")
    return names


def database() -> dict:
    """Every row of every table but sessions, to prove a refused request changed nothing."""
    return {
        model._meta.label: list(model._base_manager.order_by("pk").values())
        for model in apps.get_models()
        if model._meta.managed and model._meta.label != "sessions.Session"
    }


def signed_in(user, **options) -> Client:
    client = Client(**options)
    client.force_login(user)
    return client


def test_every_url_of_ours_is_in_the_sweep():
    ours = our_url_names()
    listed = WRITE_URLS.keys() | NOT_WRITE_URLS.keys()

    assert "forums:post_edit" in ours  # the walk finds our URLs
    assert ours <= listed, (
        f"URLs missing from tests/test_write_urls.py: {sorted(ours - listed)}. Add each to "
        "WRITE_URLS (how to build its arguments, who may post) if it accepts a POST that "
        "changes data, else to NOT_WRITE_URLS with the reason."
    )
    assert listed <= ours, f"Gone from the URLconf, remove them here: {sorted(listed - ours)}"


@pytest.mark.parametrize("name", sorted(WRITE_URLS))
def test_write_url_refuses_visitors_csrf_less_posts_and_other_members(name):
    args, owner = WRITE_URLS[name]()
    url = reverse(name, args=args)
    csrf_checking = signed_in(owner or make_user(), enforce_csrf_checks=True)
    other_member = signed_in(make_user()) if owner else None
    before = database()

    visitor = Client().post(url, PAYLOAD)
    no_token = csrf_checking.post(url, PAYLOAD)
    intruder = other_member.post(url, PAYLOAD) if other_member else None

    login = reverse("account_login")
    assert visitor.status_code == 403 or visitor.url.startswith(login), f"visitor: {visitor}"
    assert no_token.status_code == 403, f"POST without a CSRF token: {no_token}"
    assert intruder is None or intruder.status_code in (403, 404), f"other member: {intruder}"
    assert database() == before, f"a refused POST to {url} changed the database"


@pytest.mark.parametrize("name", sorted(WRITE_URLS.keys() - FORM_PAGES))
def test_get_on_a_post_only_url_is_405(name):
    args, owner = WRITE_URLS[name]()

    response = signed_in(owner or make_user()).get(reverse(name, args=args))

    assert response.status_code == 405
