"""Tidying members' tags: merge several tags into one (moderators and editors, in the admin)."""

from django.db import transaction
from django.db.models import Count
from taggit.models import Tag, TaggedItem


def merge_tags(tags: list[Tag]) -> Tag:
    """Merge `tags` into the most used of them: everything tagged with any of them carries
    that one tag, and the others are deleted. Returns the tag that stays."""
    uses = dict(
        TaggedItem.objects.filter(tag__in=tags)
        .values("tag")
        .annotate(n=Count("pk"))
        .values_list("tag", "n")
    )
    target = max(tags, key=lambda tag: (uses.get(tag.pk, 0), -tag.pk))
    others = [tag.pk for tag in tags if tag.pk != target.pk]
    with transaction.atomic():
        tagged = set(
            TaggedItem.objects.filter(tag__in=others).values_list("content_type", "object_id")
        )
        tagged -= set(
            TaggedItem.objects.filter(tag=target).values_list("content_type", "object_id")
        )
        TaggedItem.objects.bulk_create(
            TaggedItem(tag=target, content_type_id=content_type, object_id=object_id)
            for content_type, object_id in tagged
        )
        Tag.objects.filter(pk__in=others).delete()
    return target
