"""Usernames are public pseudonyms that also appear in URLs (/members/<name>/, /blogs/<name>/).

New pseudonyms (sign-up) keep to a safe character set (ASCII letters, digits, `.`, `_`, `-`),
so no script can pass for another (a Cyrillic "е" for a Latin "e"), and are compared with
the existing ones and the staff names by a skeleton that folds what still looks alike in
ASCII (case, 0/o, 1/l/I, rn/m, vv/w, separators). The skeleton is computed the same way in
SQL (`skeleton_expression`), so the comparison is one query.
"""

import re

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError
from django.db.models import F, Value
from django.db.models.functions import Lower, Replace
from django.utils.translation import gettext as _

# Names that would collide with a route or impersonate the site.
RESERVED_USERNAMES = frozenset(
    {
        "admin", "administrator", "moderator", "moderators", "staff", "support", "help",
        "feed", "feeds", "rss", "atom", "tag", "tags", "new", "edit", "delete", "settings",
        "search", "static", "media", "api", "accounts", "account", "login", "logout",
        "signup", "members", "member", "notifications", "deleted", "deleted-member",
        "anonymous", "root", "system", "portal", "blogs", "forums", "videos", "heroes",
        "articles", "me", "page", "drafts", "preview", "autosave", "posts", "comments",
        "editor", "editors", "team", "official", "security", "webmaster", "postmaster",
        "abuse", "noreply", "no-reply",
    }
)  # fmt: skip
# No new pseudonym may contain these (after folding): "demo_moderator", "AdminTeam"…
STAFF_WORDS = ("admin", "moderator", "staff", "official")

SAFE_USERNAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*\Z")
# Applied in this order, in Python and in SQL alike, after lower-casing.
SKELETON_STEPS = (
    ("0", "o"), ("1", "l"), ("i", "l"), ("rn", "m"), ("vv", "w"),
    ("_", ""), ("-", ""), (".", ""),
)  # fmt: skip


def skeleton(name: str) -> str:
    folded = name.lower()
    for old, new in SKELETON_STEPS:
        folded = folded.replace(old, new)
    return folded


def skeleton_expression(field: str = "username"):
    expression = Lower(F(field))
    for old, new in SKELETON_STEPS:
        expression = Replace(expression, Value(old), Value(new))
    return expression


RESERVED_SKELETONS = frozenset(skeleton(name) for name in RESERVED_USERNAMES)
STAFF_SKELETONS = tuple(skeleton(word) for word in STAFF_WORDS)


def validate_not_reserved(value: str) -> None:
    if value.strip().lower() in RESERVED_USERNAMES:
        raise ValidationError(_("This name is reserved. Please choose another."), code="reserved")
    if not any(character.isalnum() for character in value):
        # Dots and dashes only: a browser reads /members/../ as /.
        raise ValidationError(_("Please use at least one letter or digit."), code="no_letter")


def validate_no_email_shape(value: str) -> None:
    """An email address as a pseudonym would make the private email public."""
    if "@" in value:
        raise ValidationError(_("Usernames are public: please don't use an email address."))


def validate_safe_characters(value: str) -> None:
    if not SAFE_USERNAME.match(value):
        raise ValidationError(
            _("Use only letters a–z, digits, and . _ - (starting with a letter or digit)."),
            code="characters",
        )


def validate_not_like_staff(value: str) -> None:
    folded = skeleton(value)
    if folded in RESERVED_SKELETONS or any(word in folded for word in STAFF_SKELETONS):
        raise ValidationError(_("This name is reserved. Please choose another."), code="reserved")


# The model field's validators (the admin may still name accounts freely within them).
username_validators = [UnicodeUsernameValidator(), validate_not_reserved, validate_no_email_shape]
# What a member may choose at sign-up (allauth's ACCOUNT_USERNAME_VALIDATORS).
signup_username_validators = [
    validate_safe_characters,
    validate_not_reserved,
    validate_not_like_staff,
    validate_no_email_shape,
]
