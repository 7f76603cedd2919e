"""Forum pages, split by feature: browsing, writing, moderating, recovery records."""

from forums.views.browse import (
    forum_detail,
    forum_index,
    post_history,
    post_permalink,
    thread_detail,
    thread_redirect,
)
from forums.views.compose import draft_discard, draft_save, post_clinician, post_quote
from forums.views.latest import latest
from forums.views.moderate import (
    thread_lock,
    thread_move,
    thread_pin,
    thread_unlock,
    thread_unpin,
)
from forums.views.recovery import recovery_delete, recovery_list
from forums.views.write import (
    forum_watch,
    post_check,
    post_create,
    post_delete,
    post_edit,
    post_react,
    thread_create,
    thread_watch,
)

__all__ = [
    "draft_discard", "draft_save", "post_clinician", "post_quote",
    "forum_detail", "forum_index", "forum_watch", "latest", "post_check",
    "post_create", "post_delete", "post_edit", "post_history", "post_permalink",
    "post_react", "recovery_delete", "recovery_list", "thread_create",
    "thread_detail", "thread_lock", "thread_move", "thread_pin",
    "thread_redirect", "thread_unlock", "thread_unpin", "thread_watch",
]  # fmt: skip
