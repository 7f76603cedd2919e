"""Blogs and blog posts for the benchmark data set (`manage.py make_bench_data`).

Deterministic (a seeded random generator, fixed dates), bulk inserts only: no `save()`, no
signals, no history rows (the search index is rebuilt in bulk afterwards). Most posts are
published; every 50th is scheduled in the (fixed, far) future and every 100th is a draft.
Posts carry 0–3 tags from a fixed list.
"""

import datetime
import random
from collections.abc import Callable

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify
from taggit.models import Tag, TaggedItem

from blogs.models import Blog, BlogPost
from core.markdown import render_markdown

TITLE_MARK = "(bench "
EPOCH = datetime.datetime(2023, 1, 1, tzinfo=datetime.UTC)
FUTURE = datetime.datetime(2031, 1, 1, tzinfo=datetime.UTC)
BATCH = 2000
TAGS = [
    "knee", "hip", "shoulder", "acl", "tkr", "thr", "physio", "week one", "sleep", "pain",
    "swelling", "crutches", "driving", "work", "stairs", "running", "cycling", "swimming",
    "milestones", "setbacks",
]  # fmt: skip
WORDS = [
    "knee", "hip", "shoulder", "today", "week", "physio", "walked", "stairs", "crutches",
    "sleep", "night", "pain", "swelling", "ice", "bend", "degrees", "straight", "exercises",
    "bike", "garden", "dog", "kids", "work", "drive", "car", "tired", "happy", "frustrated",
    "progress", "slowly", "surgeon", "appointment", "scar", "stitches", "bruising", "better",
    "worse", "hope", "friends", "family", "thanks", "reading", "everyone",
]  # fmt: skip
RARE_WORD = "arthrofibrosis"


def exists() -> bool:
    return BlogPost.objects.filter(title__contains=TITLE_MARK).exists()


def _bodies(rng: random.Random, count: int = 200) -> list[tuple[str, str]]:
    bodies = []
    for n in range(count):
        paragraphs = [
            ". ".join(
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(6, 16))).capitalize()
                for _ in range(rng.randint(2, 5))
            ) + "."
            for _ in range(rng.randint(2, 6))
        ]  # fmt: skip
        if n % 40 == 3:
            paragraphs.append(f"My surgeon says the stiffness might be {RARE_WORD}.")
        source = "\n\n".join(paragraphs)
        bodies.append((source, render_markdown(source)))
    return bodies


def build(
    *, posts: int, blogs: int, owners: list[int], article_ids: list[int], seed: int,
    out: Callable[[str], None],
) -> None:  # fmt: skip
    """`blogs` blogs owned by the first members of `owners`, `posts` posts spread over them."""
    rng = random.Random(seed)
    owners = owners[:blogs]
    bodies = _bodies(rng)
    span = 3 * 365 * 24 * 3600
    with transaction.atomic():
        made_blogs = Blog.objects.bulk_create(
            [Blog(owner_id=owner, created_at=EPOCH) for owner in owners], batch_size=BATCH
        )
        Tag.objects.bulk_create(
            [Tag(name=name, slug=slugify(name)) for name in TAGS], ignore_conflicts=True
        )
        tags = list(Tag.objects.filter(name__in=TAGS).order_by("name"))
        content_type = ContentType.objects.get_for_model(BlogPost)
        written = 0
        for start in range(0, posts, BATCH):
            batch = []
            for n in range(start, min(start + BATCH, posts)):
                blog = made_blogs[n % len(made_blogs)]
                title = " ".join(rng.choice(WORDS) for _ in range(rng.randint(3, 7)))
                title = f"{title.capitalize()} {TITLE_MARK}{n})"
                body, html = rng.choice(bodies)
                created = EPOCH + datetime.timedelta(seconds=rng.randrange(span))
                if n % 100 == 99:
                    publication, published = BlogPost.Publication.DRAFT, None
                elif n % 50 == 49:
                    publication = BlogPost.Publication.PUBLISHED
                    published = FUTURE + datetime.timedelta(days=n)
                else:
                    publication, published = BlogPost.Publication.PUBLISHED, created
                article = rng.choice(article_ids) if article_ids and n % 3 == 0 else None
                batch.append(
                    BlogPost(
                        blog=blog, author_id=blog.owner_id, title=title, slug=slugify(title)[:200],
                        body=body, body_html=html, article_id=article, publication=publication,
                        published_at=published, created_at=created,
                    )
                )  # fmt: skip
            made = BlogPost.objects.bulk_create(batch)
            TaggedItem.objects.bulk_create(
                TaggedItem(tag=tag, content_type=content_type, object_id=post.pk)
                for post in made
                for tag in rng.sample(tags, rng.randint(0, 3))
            )
            written += len(made)
            out(f"blog posts {written}/{posts}")
    out(f"blogs {len(made_blogs)}, blog posts {written}")
