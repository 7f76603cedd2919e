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
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from django_ratelimit.core import get_usage

from core.roles import is_moderator

logger = logging.getLogger(__name__)

NOUNS = {"forum_post": _("posts"), "blog_post": _("blog posts"), "blog_comment": _("comments"),
         "nomination": _("nominations"), "article_feedback": _("answers"),
         "image_upload": _("images")}  # fmt: skip
PERIODS = {"s": _("second"), "m": _("minute"), "h": _("hour"), "d": _("day")}


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
    return ngettext(
        "New members can include at most %(limit)d link in a post (this has %(count)d). "
        "Remove some, or describe where to find them: the limit keeps spam away and is "
        "lifted once you have been here a little while.",
        "New members can include at most %(limit)d links in a post (this has %(count)d). "
        "Remove some, or describe where to find them: the limit keeps spam away and is "
        "lifted once you have been here a little while.",
        limit,
    ) % {"limit": limit, "count": count_links(text)}


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
    limit, _slash, period = rate.partition("/")
    sentence = gettext("You can send %(limit)s %(things)s per %(window)s; please wait a while.")
    sentence %= {"limit": limit, "things": NOUNS[action], "window": _window(period)}
    if newcomer:
        sentence += " " + gettext(
            "New members (in their first %(days)s days, or with fewer than %(posts)s posts) "
            "have a lower limit."
        ) % {"days": settings.PORTAL_NEW_MEMBER_DAYS, "posts": settings.PORTAL_NEW_MEMBER_POSTS}
    return sentence


def _window(period: str) -> str:
    """ "h" reads "hour", "10m" reads "10 minutes"."""
    amount, unit = int(period[:-1] or 1), period[-1]
    if amount == 1:
        return str(PERIODS[unit])
    plurals = {
        "s": ngettext("%(n)d second", "%(n)d seconds", amount),
        "m": ngettext("%(n)d minute", "%(n)d minutes", amount),
        "h": ngettext("%(n)d hour", "%(n)d hours", amount),
        "d": ngettext("%(n)d day", "%(n)d days", amount),
    }
    return plurals[unit] % {"n": amount}


def images_per_post_refusal(user, count: int) -> str:
    """Why a post showing `count` uploaded images is refused, or "". The limit is
    PORTAL_IMAGES_PER_POST: (new members, everyone else)."""
    if not settings.PORTAL_POSTING_LIMITS or is_moderator(user):
        return ""
    newcomer = is_new_member(user)
    limit = settings.PORTAL_IMAGES_PER_POST[0 if newcomer else 1]
    if count <= limit:
        return ""
    if newcomer:
        sentence = ngettext(
            "New members can show %(limit)d image per post; this one has %(count)d.",
            "New members can show %(limit)d images per post; this one has %(count)d.",
            limit,
        )
    else:
        sentence = ngettext(
            "You can show %(limit)d image per post; this one has %(count)d.",
            "You can show %(limit)d images per post; this one has %(count)d.",
            limit,
        )
    return sentence % {"limit": limit, "count": count}
