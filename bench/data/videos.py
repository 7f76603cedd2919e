"""Published videos with transcripts for the benchmark data set (`manage.py make_bench_data`).

Deterministic (a seeded random generator, fixed dates), bulk inserts only: no `save()`, no
signals, no history rows. Every video is a YouTube link (a made-up, well-formed id) with a
poster path, a transcript of a few hundred words, three chapters and one or two related
articles.
"""

import datetime
import random
import string
from collections.abc import Callable

from django.db import transaction

from core.markdown import render_markdown
from videos.models import Chapter, Video

SLUG_PREFIX = "bench-video-"
EPOCH = datetime.datetime(2023, 3, 1, tzinfo=datetime.UTC)
WORDS = [
    "so", "today", "we", "will", "show", "you", "how", "to", "bend", "the", "knee", "hip",
    "shoulder", "slowly", "hold", "for", "ten", "seconds", "then", "relax", "repeat", "three",
    "times", "keep", "your", "back", "straight", "breathe", "ice", "after", "exercise",
    "stairs", "crutches", "heel", "toe", "walking", "physio", "strength", "balance",
]  # fmt: skip
RARE_WORD = "arthrofibrosis"
ID_CHARS = string.ascii_letters + string.digits + "_-"


def exists() -> bool:
    return Video.objects.filter(slug__startswith=SLUG_PREFIX).exists()


def build(*, count: int, article_ids: list[int], seed: int, out: Callable[[str], None]) -> None:
    rng = random.Random(seed)
    with transaction.atomic():
        videos = []
        for n in range(count):
            video_id = "".join(rng.choice(ID_CHARS) for _ in range(11))
            sentences = [
                " ".join(rng.choice(WORDS) for _ in range(rng.randint(8, 20))).capitalize() + "."
                for _ in range(rng.randint(20, 40))
            ]
            if n % 40 == 11:
                sentences.append(f"If the knee stays stiff, ask about {RARE_WORD}.")
            transcript = "\n\n".join(
                " ".join(sentences[i : i + 5]) for i in range(0, len(sentences), 5)
            )
            summary = " ".join(sentences[:2])
            published = EPOCH + datetime.timedelta(hours=31 * n)
            videos.append(
                Video(
                    title=f"Exercise video {n}: {' '.join(rng.choice(WORDS) for _ in range(4))}",
                    slug=f"{SLUG_PREFIX}{n:04d}", summary=summary,
                    summary_html=render_markdown(summary),
                    source_url=f"https://www.youtube.com/watch?v={video_id}",
                    provider=Video.Provider.YOUTUBE, provider_video_id=video_id,
                    poster="videos/posters/bench.jpg", poster_alt="A physiotherapist and a patient",
                    duration=datetime.timedelta(seconds=60 + rng.randrange(900)),
                    transcript=transcript, transcript_html=render_markdown(transcript),
                    is_featured=n < 3, featured_order=n if n < 3 else 0,
                    status=Video.Status.PUBLISHED, published_at=published, created_at=published,
                )
            )  # fmt: skip
        made = Video.objects.bulk_create(videos, batch_size=500)
        Chapter.objects.bulk_create(
            (Chapter(video=video, start=datetime.timedelta(seconds=20 * k), title=f"Part {k + 1}")
             for video in made for k in range(3)),
            batch_size=2000,
        )  # fmt: skip
        if article_ids:
            through = Video.related_articles.through
            through.objects.bulk_create(
                (through(video_id=video.pk, article_id=article)
                 for video in made for article in rng.sample(article_ids, min(2, len(article_ids)))),
                batch_size=2000,
            )  # fmt: skip
    out(f"videos {len(made)}")
