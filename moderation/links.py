"""Addresses of the generic moderation pages for any registered content."""

from django.urls import reverse


def moderation_url(verb: str, target) -> str:
    """`verb` is "report", "hide", "restore", "make_members_only" or "make_public"."""
    meta = target._meta
    return reverse(f"moderation:{verb}", args=[meta.app_label, meta.model_name, target.pk])
