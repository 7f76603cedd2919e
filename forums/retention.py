"""Retention of forum records (core.expiry; `manage.py purge_expired`)."""

from core.expiry import cutoff
from forums.models import ThreadReadState


def purge(now) -> dict[str, int]:
    old = ThreadReadState.objects.filter(updated_at__lt=cutoff("read_states", now))
    deleted, _ = old.delete()
    return {"read states": deleted}
