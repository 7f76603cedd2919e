"""What every composer shares (forum replies and threads, blog comments): autosaved drafts
and uploaded images. The apps call these; the views that serve them are in portal.views."""

import re
import uuid

from django.db import transaction

from core.images import reencode_image
from core.models import Draft, MemberImage

# An image as the composer inserts it: ![alt](/images/<key>/)
IMAGE_REFERENCE = re.compile(r"/images/([0-9a-f]{32})/")
DRAFT_TITLE_MAX_LENGTH = 200


def draft_for(user, key: str) -> Draft | None:
    if not user.is_authenticated:
        return None
    return Draft.objects.filter(user=user, key=key).first()


def save_draft(user, key: str, *, body: str, title: str = "") -> Draft | None:
    """Keep what is being typed; an empty composer keeps nothing."""
    if not body.strip() and not title.strip():
        discard_draft(user, key)
        return None
    draft, _ = Draft.objects.update_or_create(
        user=user, key=key, defaults={"body": body, "title": title[:DRAFT_TITLE_MAX_LENGTH]}
    )
    return draft


def discard_draft(user, key: str) -> None:
    Draft.objects.filter(user=user, key=key).delete()


def image_keys(body: str) -> list[str]:
    """The member images a text shows, in order, each once."""
    return list(dict.fromkeys(IMAGE_REFERENCE.findall(body or "")))


def store_image(owner, upload, alt_text: str) -> MemberImage:
    """Validate and re-encode `upload` (ValidationError if it is not a usable image) and
    keep it, private to its owner until posted."""
    clean = reencode_image(upload)
    image = MemberImage(key=uuid.uuid4(), owner=owner, alt_text=alt_text.strip())
    image.file.save(clean.name, clean, save=False)
    try:
        image.save()
    except Exception:
        image.file.delete(save=False)
        raise
    return image


def attach_images(owner, body: str, scope: str) -> None:
    """Posting: the owner's not-yet-posted images the text shows now follow `scope`'s reading
    rules. An image already posted elsewhere keeps its first scope (the stricter place
    decides only if it came first: quote an image, not a members-only one)."""
    keys = [uuid.UUID(key) for key in image_keys(body)]
    if keys:
        MemberImage.objects.filter(owner=owner, key__in=keys, scope="").update(scope=scope)


def delete_images_after_commit(images) -> None:
    images = list(images)
    found = [(image.file.storage, image.file.name) for image in images if image.file]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in found])
