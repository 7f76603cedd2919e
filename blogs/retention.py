"""Retention of blogs' records (core.expiry; `manage.py purge_expired`): autosaves that
their author never saved nor published go after RETENTION_DAYS["blog_autosaves"] days."""

from blogs.models import BlogPost
from core.expiry import cutoff


def purge(now) -> dict[str, int]:
    abandoned = BlogPost.objects.filter(
        is_autosave=True, updated_at__lt=cutoff("blog_autosaves", now)
    )
    _, per_model = abandoned.delete()
    return {"abandoned blog autosaves": per_model.get(BlogPost._meta.label, 0)}
