"""Blocking: a member can keep another away. One place answers "may A reach B?", so
messages, mentions and notifications all agree (and forums/blogs can collapse posts)."""

from django.db import IntegrityError, transaction
from django.db.models import Q

from accounts.models import Block, User


def has_blocked(blocker, blocked) -> bool:
    if not (blocker and blocked and blocker.is_authenticated and blocked.pk):
        return False
    return Block.objects.filter(blocker=blocker, blocked=blocked).exists()


def either_blocked(one, other) -> bool:
    """True when one of the two blocked the other: they cannot message each other."""
    return Block.objects.filter(
        Q(blocker=one, blocked=other) | Q(blocker=other, blocked=one)
    ).exists()


def blocked_ids(user) -> set[int]:
    """The members `user` blocked (for collapsing their posts in a list)."""
    if not user.is_authenticated:
        return set()
    return set(Block.objects.filter(blocker=user).values_list("blocked_id", flat=True))


def block(blocker: User, blocked: User) -> None:
    if blocker.pk == blocked.pk:
        raise ValueError("A member cannot block themselves.")
    try:
        with transaction.atomic():
            Block.objects.create(blocker=blocker, blocked=blocked)
    except IntegrityError:
        pass  # already blocked: a double submit changes nothing


def unblock(blocker: User, blocked: User) -> None:
    Block.objects.filter(blocker=blocker, blocked=blocked).delete()
