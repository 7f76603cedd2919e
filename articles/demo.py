"""Demo procedure articles: the seed's knee osteotomy and more, marked as demo content."""

import datetime
import io
from pathlib import Path

import tomllib
from django.core.files.base import ContentFile
from PIL import Image, ImageDraw

from articles.models import Article, BodyPart, CareInstruction, Illustration, Section, WarningSign

DATA_DIR = Path(__file__).parent / "demo_data"
DATA = tomllib.loads((DATA_DIR / "articles.toml").read_text())
BODY_PARTS = DATA["body_parts"]
ARTICLES = DATA["articles"]
# Spanish versions of some of them: {"translation_of": <English slug>, ...the article}.
TRANSLATIONS = {"es": tomllib.loads((DATA_DIR / "articles_es.toml").read_text())["articles"]}


def _body_parts() -> dict[str, BodyPart]:
    parts = {}
    for position, part in enumerate(BODY_PARTS):
        parts[part["slug"]], _ = BodyPart.objects.get_or_create(
            slug=part["slug"],
            defaults={
                "name": part["name"],
                "position": position,
                "description": part["description"],
                "translations": part.get("translations", {}),
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
    fields["body_part"] = parts[data["body_part"]]
    for key in ("last_reviewed_on", "next_review_due_on"):
        if isinstance(fields.get(key), str):
            fields[key] = datetime.date.fromisoformat(fields[key])
    article = Article.objects.create(status=Article.Status.PUBLISHED, is_demo=True, **fields)
    for position, text in enumerate(data.get("care_instructions", [])):
        CareInstruction.objects.create(article=article, position=position, text=text)
    for position, sign in enumerate(data.get("warning_signs", [])):
        WarningSign.objects.create(article=article, position=position, **sign)
    return True


def _translation(language: str, data: dict) -> bool:
    """A demo article's version in `language`, once, when its English original is there."""
    original = Article.objects.filter(slug=data["translation_of"], is_demo=True).first()
    if original is None or original.translations.filter(language=language).exists():
        return False
    part = original.body_part
    fields = {**data, "language": language, "translation_of": original, "body_part": part.slug}
    return _article(fields, {part.slug: part})


# The drawing's label and its description, per language.
WEDGE = {
    "en": {
        "label": "wedge opened here",
        "alt_text": "Drawing of a shin bone below the knee, with a small wedge opened on its "
        "inner side.",
        "caption": "Opening-wedge osteotomy: the gap is held open with a plate (demo drawing).",
    },
    "es": {
        "label": "cuña abierta aquí",
        "alt_text": "Dibujo de la tibia debajo de la rodilla, con una pequeña cuña abierta en "
        "su lado interior.",
        "caption": "Osteotomía de cuña de apertura: una placa mantiene el hueco abierto "
        "(dibujo de demostración).",
    },
}


def _wedge_diagram(label: str) -> ContentFile:
    """A plain drawing of an opening-wedge osteotomy (a shin bone with a wedge opened
    below the knee), drawn here rather than fetched."""
    image = Image.new("RGB", (800, 450), (248, 249, 250))
    draw = ImageDraw.Draw(image)
    bone, wedge, outline = (233, 223, 200), (32, 201, 151), (73, 80, 87)
    draw.ellipse([(300, 30), (500, 130)], fill=bone, outline=outline, width=3)  # the knee
    draw.rectangle([(350, 110), (450, 420)], fill=bone, outline=outline, width=3)  # the shin
    draw.polygon([(350, 190), (450, 170), (450, 215)], fill=wedge, outline=outline)
    draw.line([(250, 192), (345, 192)], fill=outline, width=3)
    draw.text((90, 182), label, fill=outline)
    buffer = io.BytesIO()
    image.save(buffer, format="JPEG", quality=85)
    return ContentFile(buffer.getvalue(), name="demo-osteotomy-wedge.jpg")


def _illustrations() -> int:
    """The osteotomy's demo drawing in each of its versions, once."""
    original = Article.objects.filter(slug="knee-osteotomy", is_demo=True).first()
    if original is None:
        return 0
    created = 0
    for article in original.family():
        wording = WEDGE.get(article.language)
        if wording is None or article.illustrations.exists():
            continue
        Illustration.objects.create(
            article=article, section=Section.DESCRIPTION, image=_wedge_diagram(wording["label"]),
            alt_text=wording["alt_text"], caption=wording["caption"],
        )  # fmt: skip
        created += 1
    return created


def load(*, stdout) -> None:
    parts = _body_parts()
    created = sum(_article(data, parts) for data in ARTICLES)
    created += sum(
        _translation(language, data)
        for language, articles in TRANSLATIONS.items()
        for data in articles
    )
    _illustrations()
    stdout.write(f"Articles: {created} new, {Article.objects.count()} in all.")
