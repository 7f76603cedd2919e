"""Blog factories, in the style of tests/factories.py."""

import io
import itertools

from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone
from PIL import Image

from blogs.models import BlogPost, Comment
from blogs.posting import blog_for
from tests.factories import committed, make_user

_counter = itertools.count(1)


def make_post(*, tags=(), **fields) -> BlogPost:
    n = next(_counter)
    if "author" not in fields:
        fields["author"] = make_user()
    fields.setdefault("blog", blog_for(fields["author"]))
    fields.setdefault("title", f"Recovery diary {n}")
    fields.setdefault("body", f"Day {n}: a short walk today.")
    fields.setdefault("publication", BlogPost.Publication.PUBLISHED)
    if fields["publication"] == BlogPost.Publication.PUBLISHED:
        fields.setdefault("published_at", timezone.now() - timezone.timedelta(hours=n))
    with committed():
        post = BlogPost.objects.create(**fields)
        if tags:
            post.tags.set(list(tags))
    return post


def make_comment(**fields) -> Comment:
    n = next(_counter)
    if "post" not in fields:
        fields["post"] = make_post()
    if "author" not in fields:
        fields["author"] = make_user()
    fields.setdefault("body", f"Comment {n}: hang in there.")
    with committed():
        comment = Comment.objects.create(**fields)
        comment.post.refresh_comment_count()
    return comment


def image_bytes(fmt: str = "PNG", size=(40, 30), color=(200, 30, 30), **save_kwargs) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format=fmt, **save_kwargs)
    return buffer.getvalue()


def image_upload(name: str = "cover.png", content: bytes | None = None, **kwargs):
    content = image_bytes(**kwargs) if content is None else content
    return SimpleUploadedFile(name, content, content_type="image/png")


def post_data(**overrides) -> dict:
    """A valid BlogPostForm submission (a new form token each time)."""
    import uuid

    data = {
        "title": "Week two after my knee operation",
        "body": "Walked to the **end of the street** today.",
        "cover_alt": "",
        "tags": "knee, week 2",
        "article": "",
        "publication": "published",
        "published_at": "",
        "comments_enabled": "on",
        "form_token": str(uuid.uuid4()),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}
