"""Role predicates: the only place that knows how each role is stored."""


def is_moderator(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("moderation.moderate_content"))


def is_editor(user) -> bool:
    return bool(user.is_authenticated and user.has_perm("articles.add_article"))


def is_verified_surgeon(user) -> bool:
    return bool(user.is_authenticated and getattr(user, "is_verified_surgeon", False))


def is_staff_member(user) -> bool:
    """Editors and moderators: may see drafts and unpublished content."""
    return is_moderator(user) or is_editor(user)
