"""Published articles for the benchmark data set (`manage.py make_bench_data`).

Deterministic (a seeded random generator, fixed dates) and written with bulk inserts: no
`save()`, no signals (the search index is rebuilt in bulk afterwards). The body parts are the
demo's own (created if missing); articles are spread over them round-robin.
"""

import datetime
import random
from collections.abc import Callable

from django.db import transaction

from articles.demo import BODY_PARTS
from articles.models import Article, BodyPart, CareInstruction, WarningSign
from core.markdown import render_inline_markdown, render_markdown

SLUG_PREFIX = "bench-article-"
EPOCH = datetime.datetime(2022, 6, 1, tzinfo=datetime.UTC)
PROCEDURES = [
    "arthroscopy", "replacement", "reconstruction", "osteotomy", "fusion", "repair",
    "release", "decompression", "resurfacing", "fixation",
]  # fmt: skip
WORDS = [
    "knee", "hip", "shoulder", "joint", "surgeon", "operation", "recovery", "physiotherapy",
    "swelling", "pain", "anaesthetic", "incision", "bone", "cartilage", "ligament", "tendon",
    "muscle", "exercise", "walking", "crutches", "weeks", "months", "hospital", "wound",
    "infection", "blood", "clot", "stiffness", "movement", "strength", "rest", "ice",
    "elevation", "dressing", "stitches", "follow-up", "x-ray", "scan", "implant", "healing",
]  # fmt: skip
RARE_WORD = "arthrofibrosis"  # in a handful of articles only: the benchmark's rare search


def paragraph(rng: random.Random, words: list[str], sentences: tuple[int, int] = (3, 6)) -> str:
    return ". ".join(
        " ".join(rng.choice(words) for _ in range(rng.randint(8, 18))).capitalize()
        for _ in range(rng.randint(*sentences))
    ) + "."  # fmt: skip


def exists() -> bool:
    return Article.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def body_parts() -> list[BodyPart]:
    parts = []
    for position, (slug, name, description) in enumerate(
        (part["slug"], part["name"], part["description"]) for part in BODY_PARTS
    ):
        part, _ = BodyPart.objects.get_or_create(
            slug=slug, defaults={"name": name, "position": position, "description": description}
        )
        parts.append(part)
    return parts


def build(*, count: int, seed: int, out: Callable[[str], None]) -> list[int]:
    """Create `count` published articles (one featured, for the home page); return their ids."""
    rng = random.Random(seed)
    with transaction.atomic():
        parts = body_parts()
        articles = []
        for n in range(count):
            part = parts[n % len(parts)]
            title = f"{part.name} {PROCEDURES[n % len(PROCEDURES)]} ({n})"
            text = {
                name: "\n\n".join(paragraph(rng, WORDS) for _ in range(rng.randint(1, 3)))
                for name in ("summary", "why_done", "description", "restrictions", "risks",
                             "medicines")
            }  # fmt: skip
            if n % 50 == 7:
                text["risks"] += f"\n\nA few people develop {RARE_WORD}: a stiff, scarred joint."
            published = EPOCH + datetime.timedelta(hours=7 * n)
            articles.append(
                Article(
                    title=title, slug=f"{SLUG_PREFIX}{n:04d}", body_part=part,
                    other_names=f"{part.name} {PROCEDURES[(n + 3) % len(PROCEDURES)]} {n}",
                    specialist="Orthopaedic surgeon",
                    **text, **{f"{name}_html": render_markdown(value) for name, value in text.items()},
                    hospital_stay_min_days=1, hospital_stay_max_days=1 + n % 4,
                    home_recovery_min_weeks=2, home_recovery_max_weeks=2 + n % 10,
                    status=Article.Status.PUBLISHED, is_featured=n == count - 1,
                    published_at=published, created_at=published,
                )
            )  # fmt: skip
        made = Article.objects.bulk_create(articles, batch_size=500)
        items = []
        for article in made:
            for position in range(3):
                items.append((article.pk, position, paragraph(rng, WORDS, (1, 1))))
        CareInstruction.objects.bulk_create(
            (CareInstruction(article_id=pk, position=position, text=text[:500],
                             text_html=render_inline_markdown(text[:500]))
             for pk, position, text in items),
            batch_size=2000,
        )  # fmt: skip
        WarningSign.objects.bulk_create(
            (WarningSign(article_id=pk, position=position, text=text[:200],
                         text_html=render_inline_markdown(text[:200]))
             for pk, position, text in items[::3]),
            batch_size=2000,
        )  # fmt: skip
    out(f"articles {len(made)} (with {len(items)} care instructions)")
    return [article.pk for article in made]


def existing_ids() -> list[int]:
    return list(
        Article.objects.filter(slug__startswith=SLUG_PREFIX)
        .order_by("pk")
        .values_list("pk", flat=True)
    )
