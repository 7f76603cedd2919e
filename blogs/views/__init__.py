"""Blog views, split by feature: reading pages, writing posts, comments."""

from blogs.views.comments import (
    comment_create,
    comment_delete,
    comment_edit,
)
from blogs.views.posts import (
    autosave,
    blog_settings,
    post_create,
    post_delete,
    post_edit,
    safety_check,
)
from blogs.views.reading import blog_detail, post_detail, post_list, post_redirect, tag_detail

__all__ = [
    "autosave", "blog_detail", "blog_settings", "comment_create", "comment_delete",
    "comment_edit", "post_create", "post_delete",
    "post_detail", "post_edit", "post_list", "post_redirect",
    "safety_check", "tag_detail",
]  # fmt: skip
