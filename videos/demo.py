"""Demo videos: the seed's two featured videos, with posters drawn here (never fetched).

The YouTube ids are made up ("DEMO-…") so nobody mistakes them for real recordings;
the transcripts say they are demo text.
"""

import datetime
import io

from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image, ImageDraw, ImageFont

from articles.models import Article
from videos.models import Chapter, Video

POSTER_SIZE = (1280, 720)
POSTER_BACKGROUND = (11, 58, 74)  # the facade's own dark teal
POSTER_TEXT = (255, 255, 255)

DEMO_NOTE = (
    "*Demo transcript: this is placeholder text for the demo site, not a recording of a "
    "real video, and not medical advice.*\n\n"
)

VIDEOS = [
    {
        "title": "Total Knee Replacement",
        "youtube_id": "DEMO-TKR-01",
        "summary": "What a total knee replacement is, who it helps, and what the day of "
        "surgery and the first weeks at home look like.",
        "duration": datetime.timedelta(minutes=6, seconds=40),
        "articles": ["total-knee-replacement"],
        "chapters": [
            (0, "What the operation is"),
            (95, "The day of surgery"),
            (230, "The first weeks at home"),
            (340, "When to call your surgeon"),
        ],
        "transcript": (
            "**Narrator:** A total knee replacement resurfaces the worn ends of the thigh "
            "bone and shin bone with metal and plastic parts.\n\n"
            "**Surgeon:** Most people we see have arthritis that still hurts after months "
            "of medicines, physiotherapy and injections.\n\n"
            "**Narrator:** On the day of surgery… *(demo text continues)*"
        ),
        "featured_order": 1,
    },
    {
        "title": "Minimally Invasive Total Knee Replacement",
        "youtube_id": "DEMO-MIS-02",
        "summary": "Learn about the total knee replacement surgery and rehab process from "
        "a patient who had the minimally invasive operation and the physiotherapist who "
        "helped her walk again.",
        "duration": datetime.timedelta(minutes=8, seconds=15),
        "articles": ["minimally-invasive-total-knee-replacement", "total-knee-replacement"],
        "chapters": [
            (0, "A shorter incision: what changes"),
            (150, "In hospital"),
            (300, "Rehab exercises at home"),
            (420, "Back to daily life"),
        ],
        "transcript": (
            "**Patient:** I was up and walking with a frame the same afternoon.\n\n"
            "**Physiotherapist:** The incision is shorter, but the new joint is the same, "
            "so the rehab exercises matter just as much.\n\n"
            "**Narrator:** Week by week… *(demo text continues)*"
        ),
        "featured_order": 2,
    },
]


def _font(size: int):
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, OSError):  # Pillow built without FreeType
        return ImageFont.load_default()


def _wrap(draw, text: str, font, width: int) -> list[str]:
    lines, line = [], ""
    for word in text.split():
        candidate = f"{line} {word}".strip()
        if line and draw.textlength(candidate, font=font) > width:
            lines.append(line)
            line = word
        else:
            line = candidate
    return [*lines, line]


def make_poster(title: str) -> ContentFile:
    """A 1280×720 PNG with the title in large white letters: made here, not fetched."""
    image = Image.new("RGB", POSTER_SIZE, POSTER_BACKGROUND)
    draw = ImageDraw.Draw(image)
    draw.rectangle([(0, 0), (POSTER_SIZE[0], 12)], fill=(32, 201, 151))
    font, small = _font(72), _font(34)
    y = 200
    for line in _wrap(draw, title, font, POSTER_SIZE[0] - 160):
        draw.text((80, y), line, font=font, fill=POSTER_TEXT)
        y += 90
    draw.text((80, POSTER_SIZE[1] - 100), "Patient Portal · demo video", font=small,
              fill=POSTER_TEXT)  # fmt: skip
    buffer = io.BytesIO()
    image.save(buffer, format="PNG")
    return ContentFile(buffer.getvalue())


def _video(data: dict) -> bool:
    slug = slugify(data["title"])
    if Video.objects.filter(slug=slug).exists():
        return False
    video = Video(
        title=data["title"], slug=slug, summary=data["summary"],
        source_url=f"https://www.youtube.com/watch?v={data['youtube_id']}",
        poster_alt=f"Title card: {data['title']}", duration=data["duration"],
        transcript=DEMO_NOTE + data["transcript"], is_featured=True,
        featured_order=data["featured_order"], is_demo=True, status=Video.Status.PUBLISHED,
    )  # fmt: skip
    video.poster.save(f"{slug}.png", make_poster(data["title"]), save=False)
    video.full_clean()
    video.save()
    for seconds, title in data["chapters"]:
        Chapter.objects.create(video=video, start=datetime.timedelta(seconds=seconds), title=title)
    video.related_articles.set(Article.objects.filter(slug__in=data["articles"]))
    return True


def load(*, stdout) -> None:
    created = sum(_video(data) for data in VIDEOS)
    stdout.write(f"Videos: {created} new, {Video.objects.count()} in all.")
