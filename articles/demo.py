"""Demo procedure articles: the seed's knee osteotomy and more, marked as demo content."""

import datetime
from pathlib import Path

import tomllib

from articles.models import Article, BodyPart, CareInstruction, WarningSign

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


def load(*, stdout) -> None:
    parts = _body_parts()
    created = sum(_article(data, parts) for data in ARTICLES)
    stdout.write(f"Articles: {created} new, {Article.objects.count()} in all.")
