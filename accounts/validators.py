"""Usernames are public pseudonyms that also appear in URLs (/members/<name>/, /blogs/<name>/)."""

from django.contrib.auth.validators import UnicodeUsernameValidator
from django.core.exceptions import ValidationError

# Names that would collide with a route or impersonate the site.
RESERVED_USERNAMES = frozenset(
    {
        "admin", "administrator", "moderator", "moderators", "staff", "support", "help",
        "feed", "feeds", "rss", "atom", "tag", "tags", "new", "edit", "delete", "settings",
        "search", "static", "media", "api", "accounts", "account", "login", "logout",
        "signup", "members", "member", "notifications", "deleted", "deleted-member",
        "anonymous", "root", "system", "portal", "blogs", "forums", "videos", "heroes",
        "articles", "me", "page", "drafts", "preview", "autosave", "posts", "comments",
    }
)  # fmt: skip


def validate_not_reserved(value: str) -> None:
    if value.strip().lower() in RESERVED_USERNAMES:
        raise ValidationError("This name is reserved. Please choose another.", code="reserved")
    if not any(character.isalnum() for character in value):
        # Dots and dashes only: a browser reads /members/../ as /.
        raise ValidationError("Please use at least one letter or digit.", code="no_letter")


def validate_no_email_shape(value: str) -> None:
    """An email address as a pseudonym would make the private email public."""
    if "@" in value:
        raise ValidationError("Usernames are public: please don't use an email address.")


username_validators = [UnicodeUsernameValidator(), validate_not_reserved, validate_no_email_shape]
