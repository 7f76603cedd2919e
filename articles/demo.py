"""Demo procedure articles: the seed's knee osteotomy and more, marked as demo content."""

import datetime
import io
from pathlib import Path

import tomllib
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from articles.models import Article, BodyPart, CareInstruction, Illustration, Section, WarningSign

DATA = tomllib.loads((Path(__file__).parent / "demo_data" / "articles.toml").read_text())
BODY_PARTS = DATA["body_parts"]
ARTICLES = DATA["articles"]


def _body_parts() -> dict[str, BodyPart]:
    parts = {}
    for position, part in enumerate(BODY_PARTS):
        parts[part["slug"]], _ = BodyPart.objects.get_or_create(
            slug=part["slug"],
            defaults={
                "name": part["name"],
                "position": position,
                "description": part["description"],
            },
        )
    return parts


def _article(data: dict, parts: dict[str, BodyPart]) -> bool:
    if Article.objects.filter(slug=data["slug"]).exists():
        return False
    fields = {
        key: value
        for key, value in data.items()
        if key not in {"body_part", "care_instructions", "warning_signs"}
    }
    for key in ("last_reviewed_on", "next_review_due_on"):
        if isinstance(fields.get(key), str):
            fields[key] = datetime.date.fromisoformat(fields[key])
    article = Article.objects.create(
        body_part=parts[data["body_part"]], status=Article.Status.PUBLISHED, is_demo=True,
        **fields,
    )  # fmt: skip
    for position, text in enumerate(data.get("care_instructions", [])):
        CareInstruction.objects.create(article=article, position=position, text=text)
    for position, sign in enumerate(data.get("warning_signs", [])):
        WarningSign.objects.create(article=article, position=position, **sign)
    return True


def _wedge_diagram() -> ContentFile:
    """A plain drawing of an opening-wedge osteotomy (a shin bone with a wedge opened
    below the knee), drawn here rather than fetched."""
    image = Image.new("RGB", (800, 450), (248, 249, 250))
    draw = ImageDraw.Draw(image)
    bone, wedge, outline = (233, 223, 200), (32, 201, 151), (73, 80, 87)
    draw.ellipse([(300, 30), (500, 130)], fill=bone, outline=outline, width=3)  # the knee
    draw.rectangle([(350, 110), (450, 420)], fill=bone, outline=outline, width=3)  # the shin
    draw.polygon([(350, 190), (450, 170), (450, 215)], fill=wedge, outline=outline)
    draw.line([(250, 192), (345, 192)], fill=outline, width=3)
    draw.text((90, 182), "wedge opened here", fill=outline)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo-osteotomy-wedge.jpg")


def _illustrations() -> int:
    """The osteotomy's demo drawing, once."""
    article = Article.objects.filter(slug="knee-osteotomy", is_demo=True).first()
    if article is None or article.illustrations.exists():
        return 0
    Illustration.objects.create(
        article=article, section=Section.DESCRIPTION, image=_wedge_diagram(),
        alt_text="Drawing of a shin bone below the knee, with a small wedge opened on its "
        "inner side.",
        caption="Opening-wedge osteotomy: the gap is held open with a plate (demo drawing).",
    )  # fmt: skip
    return 1


def load(*, stdout) -> None:
    parts = _body_parts()
    created = sum(_article(data, parts) for data in ARTICLES)
    _illustrations()
    stdout.write(f"Articles: {created} new, {Article.objects.count()} in all.")
