"""Notifications: on the site (the bell) and by email, sent outside the request.

Apps call `notify(...)`; emails go through the Tasks API (`accounts.tasks`), so the same
code runs in-process by default and on a queue's workers in production.

A notification stores a kind and its parameters (a title, a forum's name, an outcome), not a
sentence: `render` writes the sentence in the active language, so the bell's page, the
export and the emails (rendered under the recipient's language) speak the reader's language.
The acting member's name comes from `actor` when it is read, so an account deleted since
shows as "deleted member". Rows written before this (migration 0007) keep their English
sentence in `params["legacy_text"]` and render it as stored.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.db import transaction
from django.db.models import Count, F, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest
from django.urls import translate_url
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from accounts.blocking import has_blocked
from accounts.models import Notification, User
from accounts.tasks import send_notification_email

LEGACY_TEXT = "legacy_text"
MAX_PARAM_LENGTH = 300

# (kind, params["outcome"]) -> the sentence. {actor} is the acting member's public name.
SENTENCES = {
    ("blog_comment", ""): _("{actor} commented on your post “{title}”."),
    ("blog_reply", ""): _("{actor} replied to your comment on “{title}”."),
    ("forum_mention", ""): _("{actor} mentioned you in “{title}”"),
    ("forum_new_thread", ""): _("{actor} started “{title}” in {forum}"),
    ("forum_reply", ""): _("{actor} replied to “{title}”"),
    ("message", ""): _("{actor} sent you a private message."),
    ("moderation", "published"): _(
        "Your post in “{title}” is published: everyone can read it now."
    ),
    ("moderation", "refused"): _("Your post in “{title}” was not published."),
    ("moderation", "refused_with_note"): _(
        "Your post in “{title}” was not published. The moderator's note: {note}"
    ),
    ("verification", "approved"): _(
        "Your surgeon verification was approved: the verified badge now shows on your posts."
    ),
    ("verification", "rejected"): _("Your surgeon verification request was not approved."),
    ("hero", ""): _("Patients nominated you as a hero: your hero page is now published."),
    ("nomination", "approved_with_story"): _(
        "Your nomination of {name} was approved: your story is on their page."
    ),
    ("nomination", "approved"): _("Your nomination of {name} was approved. Thank you!"),
    ("nomination", "approved_awaiting_surgeon"): _(
        "Your nomination of {name} was approved. Their hero page will appear once the "
        "surgeon has agreed."
    ),
    ("nomination", "rejected"): _("Your nomination of {name} was not approved. Reason: {reason}"),
    ("nomination", "duplicate"): _(
        "Your nomination of {name} repeats one we already have, so we closed it. Thank you "
        "for sending it."
    ),
    ("safety_flag", ""): _("{level}: a member may need help now. Open the flag."),
}
UNKNOWN = _("You have a new notification.")
# The safety flag's level (moderation.models.Report.Level), by its stored code.
SAFETY_LEVELS = {
    "crisis": _("Crisis: risk to the member's life"),
    "emergency": _("Medical emergency"),
    "sign": _("Warning sign"),
}


def render(notification: Notification) -> str:
    """The notification's sentence in the active language; a kind this code does not know
    (or a sentence missing a parameter) reads as a plain "new notification"."""
    params = notification.params or {}
    if LEGACY_TEXT in params:
        return params[LEGACY_TEXT]
    sentence = SENTENCES.get((notification.kind, params.get("outcome", "")))
    if sentence is None:
        return str(UNKNOWN)
    values = {**params, "actor": _actor_name(notification)}
    if "level" in params:
        values["level"] = SAFETY_LEVELS.get(params["level"], params["level"])
    try:
        return str(sentence).format(**values)
    except (KeyError, IndexError, ValueError):
        return str(UNKNOWN)


def _actor_name(notification: Notification) -> str:
    actor = notification.actor
    return actor.public_name if actor is not None else gettext("deleted member")


def localized_url(url: str, language: str | None = None) -> str:
    """The same page in `language` (the active one by default): /es/… for Spanish. Addresses
    outside the language prefixes (the admin) and unknown ones stay as they are."""
    if not url:
        return url
    wanted = language or translation.get_language()
    written_in = translation.get_language_from_path(urlsplit(url).path)
    with translation.override(written_in or settings.LANGUAGE_CODE):  # to resolve it
        return translate_url(url, wanted)


def _stored(params: dict | None) -> dict:
    return {
        key: value[:MAX_PARAM_LENGTH] if isinstance(value, str) else value
        for key, value in (params or {}).items()
    }


def notify(*, recipient: User, kind: str, params: dict | None = None, url: str = "", actor=None):
    """Record a notification and, if the member wants each one by email, queue the email."""
    notifications = notify_many(recipients=[recipient], kind=kind, params=params, url=url,
                                actor=actor)  # fmt: skip
    return notifications[0] if notifications else None


def notify_many(*, recipients, kind: str, params: dict | None = None, url: str = "",
                actor=None) -> list:  # fmt: skip
    """The same notification for many members in one insert; the emails (for members who
    want each one) are queued once the transaction commits, one task each."""
    members = [
        member for member in recipients
        if not member.deleted_at and member.is_active and member != actor
        and not has_blocked(member, actor)  # no mentions, replies or messages from them
    ]  # fmt: skip
    params = _stored(params)
    url = localized_url(url, settings.LANGUAGE_CODE)  # whatever the actor's language
    with transaction.atomic():
        notifications = Notification.objects.bulk_create(
            Notification(recipient=member, actor=actor, kind=kind, params=params, url=url)
            for member in members
        )
        _count_new([member.pk for member in members])
    emailed = [
        notification.pk for notification, member in zip(notifications, members, strict=True)
        if member.email_notifications == User.EmailNotifications.EACH and member.email
    ]  # fmt: skip
    if emailed:
        transaction.on_commit(lambda: _enqueue_emails(emailed))
    return notifications


def _enqueue_emails(notification_ids: list[int]) -> None:
    for notification_id in notification_ids:
        send_notification_email.enqueue(notification_id)


def add(*, recipient: User, **fields) -> Notification:
    """One notification, as it is (no email, no block check): for staff alerts."""
    with transaction.atomic():
        notification = Notification.objects.create(recipient=recipient, **fields)
        _count_new([recipient.pk])
    return notification


# The unread count is stored on the member (the bell on every page costs no query) and moves
# in the transaction that adds or reads notifications: one UPDATE for all the recipients.


def _count_new(recipient_ids: list[int]) -> None:
    if recipient_ids:
        User.objects.filter(pk__in=recipient_ids).update(
            unread_notifications=F("unread_notifications") + 1
        )


def unread_count(user) -> int:
    if not user.is_authenticated:
        return 0
    return user.unread_notifications


def mark_read(user, ids=None) -> int:
    with transaction.atomic():
        unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
        if ids is not None:
            unread = unread.filter(pk__in=ids)
        read = unread.update(read_at=timezone.now())
        if read:
            User.objects.filter(pk=user.pk).update(
                unread_notifications=Greatest(F("unread_notifications") - read, Value(0))
            )
            user.unread_notifications = max(0, user.unread_notifications - read)
    return read


def recount(users) -> int:
    """Count the unread notifications of these members again (after deleting some)."""
    unread = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(n=Count("pk"))
        .values("n")
    )
    return users.update(unread_notifications=Coalesce(Subquery(unread), Value(0)))
