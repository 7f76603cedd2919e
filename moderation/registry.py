"""The one moderation protocol: which models can be reported, hidden and restored, and
the rule (a predicate from the content app's own permissions.py) for each verb.

Content apps declare their models in a `moderating.py` module (the plug-in style of
`core.plugins`): `MODERATED = {Model: {"can_hide": …, "can_restore": …, …}}` and,
optionally, `QUEUES = [Queue(…)]`; so this app reaches content without importing any. A registered model
offers `is_hidden`, `is_deleted`, `hide(by=, note=)`, `restore(by=, note=)` and
`get_absolute_url()`; the services call those and write the log. Content held for review
(`is_held`, `approve(by=, note=)`, `reject(by=, note=)`) is listed by `held_content()`; the
app's `on_approved(target)` publishes it (counters, notifications to watchers).
"""

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

from django.db.models import Model, QuerySet

from core.plugins import app_modules


@dataclass(frozen=True)
class Rules:
    can_hide: Callable[[object, Model], bool]
    can_restore: Callable[[object, Model], bool]
    # The items a member may see, and so report.
    reportable: Callable[[object], QuerySet]
    # What the report page shows around the content (a post and its neighbours).
    in_context: Callable[[Model], list]
    # Lock the discussion the content belongs to (forums only): (target, moderator) -> None.
    lock: Callable | None
    # The crisis action: take the discussion the content belongs to out of public view, or
    # back (forums only). `set_members_only(target, value)` changes it and returns what
    # changed (the thread), for the log.
    can_make_members_only: Callable[[object, Model], bool]
    can_make_public: Callable[[object, Model], bool]
    set_members_only: Callable[[Model, bool], Model] | None
    # Held content approved by a moderator, inside the approval's transaction: the app
    # publishes it (a thread's opening post publishes the thread; watchers after commit).
    on_approved: Callable[[Model], None] | None = None
    # Held content rejected: the app tells its author (after commit).
    on_rejected: Callable[[Model], None] | None = None


def _never(user, target) -> bool:
    return False


def _rules(model, *, can_hide, can_restore, reportable=None, in_context=None, lock=None,
           on_approved=None, on_rejected=None, can_make_members_only=_never,
           can_make_public=_never, set_members_only=None):  # fmt: skip
    return Rules(
        can_hide=can_hide,
        can_restore=can_restore,
        reportable=reportable or (lambda user: model.objects.visible_to(user)),
        in_context=in_context or (lambda target: [target]),
        lock=lock,
        on_approved=on_approved,
        on_rejected=on_rejected,
        can_make_members_only=can_make_members_only,
        can_make_public=can_make_public,
        set_members_only=set_members_only,
    )


@cache
def _registry() -> tuple[dict, list]:
    rules, queues = {}, []
    for module in app_modules("moderating"):
        for model, spec in getattr(module, "MODERATED", {}).items():
            rules[model] = _rules(model, **spec)
        queues.extend(getattr(module, "QUEUES", []))
    return rules, queues


@dataclass(frozen=True)
class Queue:
    """Open work another app owns (pending nominations…), for the moderation dashboard."""

    label: str
    pending: Callable[[], QuerySet]  # oldest first
    date_field: str
    url_name: str  # an admin URL name, e.g. "admin:heroes_nomination_changelist"


def queues() -> list[Queue]:
    return _registry()[1]


def rules_for(model: type[Model]) -> Rules | None:
    return _registry()[0].get(model)


def moderatable_models() -> list[type[Model]]:
    return list(_registry()[0])


def held_content(limit: int = 50) -> list:
    """Content waiting for review (a new member's first posts), oldest first, every kind
    whose app handles approval."""
    held = []
    for model, rules in _registry()[0].items():
        if rules.on_approved is None:
            continue
        queryset = model.objects.filter(status="held").order_by("created_at")[:limit]
        held.extend(queryset)
    return sorted(held, key=lambda item: item.created_at)[:limit]


def held_count() -> int:
    return sum(
        model.objects.filter(status="held").count()
        for model, rules in _registry()[0].items()
        if rules.on_approved is not None
    )


def content_author(target):
    """Who wrote the content: its author, or the nominator of a story."""
    return getattr(target, "author", None) or getattr(target, "nominator", None)


def content_html(target) -> str:
    """The content's sanitised HTML (rendered once on save), for the report page."""
    for field in ("body_html", "story_html", "bio_html"):
        if hasattr(target, field):
            return getattr(target, field)
    return ""
