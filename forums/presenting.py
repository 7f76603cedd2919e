"""What a thread page needs to know about each post, in a fixed number of queries."""

from django.core.cache import cache
from django.db.models import Q

from accounts.models import User
from forums import permissions
from forums.models import Post, Reaction

MODERATOR_IDS_KEY = "forums:moderator-ids"
MODERATOR_IDS_SECONDS = 300


def moderator_ids(user_ids) -> set[int]:
    """Which of these members are moderators (for the badge). The set of all moderators is
    small and changes rarely: it is kept in the shared cache for a few minutes."""
    everyone = cache.get(MODERATOR_IDS_KEY)
    if everyone is None:
        everyone = _all_moderator_ids()
        cache.set(MODERATOR_IDS_KEY, everyone, MODERATOR_IDS_SECONDS)
    return everyone & set(user_ids)


def _all_moderator_ids() -> set[int]:
    perm = Q(
        codename="moderate_content",
        content_type__app_label="moderation",
    )
    group_perm = Q(**{f"groups__permissions__{k}": v for k, v in perm.children})
    user_perm = Q(**{f"user_permissions__{k}": v for k, v in perm.children})
    return set(
        User.objects.filter(is_active=True)
        .filter(Q(is_superuser=True) | group_perm | user_perm)
        .values_list("pk", flat=True)
        .distinct()
    )


def decorate_posts(user, posts: list[Post]) -> None:
    """Set can_read/can_edit/can_delete/can_react, my_reactions and author_is_moderator."""
    moderators = moderator_ids(post.author_id for post in posts)
    mine: dict[int, set[str]] = {}
    if user.is_authenticated and posts:
        for post_id, kind in Reaction.objects.filter(user=user, post__in=posts).values_list(
            "post_id", "kind"
        ):
            mine.setdefault(post_id, set()).add(kind)
    for post in posts:
        post.can_read = permissions.can_read_post_body(user, post)
        post.can_edit = permissions.can_edit_post(user, post)
        post.can_delete = permissions.can_delete_post(user, post)
        post.can_react = permissions.can_react(user, post)
        post.my_reactions = mine.get(post.pk, set())
        post.author_is_moderator = post.author_id in moderators
