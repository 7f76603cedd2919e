"""The one posting rate limiter (django-ratelimit, counted in the shared cache so every app
server agrees) and the one definition of a new member that every limit uses.

Members are counted by account; visitors without one (article feedback) by IP address.
Each action has two rates in `PORTAL_POSTING_RATES`: (new members, everyone else), in
django-ratelimit's notation ("3/10m": three per ten minutes). When the cache is down the
post goes through and the failure is logged: a member is never kept from asking for help
because a counter is unavailable.
"""

import logging
import re

from django.conf import settings
from django.utils import timezone
from django_ratelimit.core import get_usage

from core.roles import is_moderator

logger = logging.getLogger(__name__)

NOUNS = {"forum_post": "posts", "blog_post": "blog posts", "blog_comment": "comments",
         "nomination": "nominations", "article_feedback": "answers",
         "image_upload": "images"}  # fmt: skip
PERIODS = {"s": "second", "m": "minute", "h": "hour", "d": "day"}


def is_new_member(user) -> bool:
    """Joined fewer than PORTAL_NEW_MEMBER_DAYS ago, or fewer than PORTAL_NEW_MEMBER_POSTS
    visible posts."""
    recent = timezone.now() - timezone.timedelta(days=settings.PORTAL_NEW_MEMBER_DAYS)
    return user.date_joined > recent or user.post_count < settings.PORTAL_NEW_MEMBER_POSTS


def is_held_for_review(user) -> bool:
    """A new member's first PORTAL_HOLD_FIRST_POSTS forum posts wait in the moderators'
    queue (`Moderated.Status.HELD`); their published posts count towards the number."""
    if not (settings.PORTAL_POSTING_LIMITS and settings.PORTAL_HOLD_FIRST_POSTS):
        return False
    if is_moderator(user):
        return False
    return is_new_member(user) and user.post_count < settings.PORTAL_HOLD_FIRST_POSTS


# A link is what a reader can follow off the site: http(s) and www. addresses (bare, in
# Markdown links or autolinks). Links within the site (quotes, mentions) are relative.
LINK_PATTERN = re.compile(r"(?:https?://|www\.)[^\s<>()\[\]]+", re.IGNORECASE)


def count_links(text: str) -> int:
    return len(LINK_PATTERN.findall(text or ""))


def link_refusal(user, text: str) -> str:
    """Why this text has too many links for its new-member author, or ""."""
    limit = settings.PORTAL_NEW_MEMBER_MAX_LINKS
    if (
        not settings.PORTAL_POSTING_LIMITS
        or is_moderator(user)
        or not is_new_member(user)
        or count_links(text) <= limit
    ):
        return ""
    return (
        f"New members can include at most {limit} link{'' if limit == 1 else 's'} in a post "
        f"(this has {count_links(text)}). Remove some, or describe where to find them: the "
        "limit keeps spam away and is lifted once you have been here a little while."
    )


def limit_refusal(request, action: str, *, count: bool = True) -> str:
    """Count one `action` by the signed-in member or the visitor's IP address (or only
    look, with count=False); why it is refused, or "" when it may go ahead."""
    user = request.user
    if not settings.PORTAL_POSTING_LIMITS or is_moderator(user):
        return ""
    newcomer = user.is_authenticated and is_new_member(user)
    rate = settings.PORTAL_POSTING_RATES[action][0 if newcomer else 1]
    try:
        usage = get_usage(request, group=f"posting:{action}", key="user_or_ip", rate=rate,
                          method=get_usage.ALL, increment=count)  # fmt: skip
    except Exception:  # the cache is down (ratelimit fails open for a missing count)
        usage = None
    if usage is None:
        logger.warning(
            "Rate limit for %s not checked (cache unavailable): user %s", action, user.pk
        )
        return ""
    over = usage["count"] > usage["limit"] if count else usage["count"] >= usage["limit"]
    if not over:
        return ""
    return _message(action, rate, newcomer)


def _message(action: str, rate: str, newcomer: bool) -> str:
    limit, _, period = rate.partition("/")
    amount, unit = period[:-1] or "1", PERIODS[period[-1]]
    window = f"{unit}" if amount == "1" else f"{amount} {unit}s"
    extra = (
        f" New members (in their first {settings.PORTAL_NEW_MEMBER_DAYS} days, or with fewer "
        f"than {settings.PORTAL_NEW_MEMBER_POSTS} posts) have a lower limit."
        if newcomer
        else ""
    )
    return f"You can send {limit} {NOUNS[action]} per {window}; please wait a while.{extra}"


def images_per_post_refusal(user, count: int) -> str:
    """Why a post showing `count` uploaded images is refused, or "". The limit is
    PORTAL_IMAGES_PER_POST: (new members, everyone else)."""
    if not settings.PORTAL_POSTING_LIMITS or is_moderator(user):
        return ""
    newcomer = is_new_member(user)
    limit = settings.PORTAL_IMAGES_PER_POST[0 if newcomer else 1]
    if count <= limit:
        return ""
    who = "New members can" if newcomer else "You can"
    return f"{who} show {limit} image{'' if limit == 1 else 's'} per post; this one has {count}."
