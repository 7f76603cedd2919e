"""What a notification says, in the reader's language: kind and parameters in, a sentence
out (the registry `SENTENCES`), and its link in the reader's language. Nothing here touches
the database, so the model (`Notification.message`, `.link`) reads through it; sending is in
`accounts.notifications`, which re-exports this.
"""

from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

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


def render(notification) -> str:
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


def _actor_name(notification) -> str:
    actor = notification.actor
    return actor.public_name if actor is not None else gettext("deleted member")
