"""An editor's "translate" action: a draft copy of an original article in another language,
with its care instructions, warning signs and pictures, for the translator to rewrite. The
copy starts without a reviewer or review dates: each language is reviewed on its own."""

from django.db import transaction

from articles.models import Article, CareInstruction, Illustration, WarningSign

# Copied as they are: the translator rewrites the text fields, the numbers usually stay.
COPIED_FIELDS = (
    "title", "body_part", "other_names", "specialist", "summary", "why_done", "description",
    "hospital_stay_min_days", "hospital_stay_max_days", "home_recovery_min_weeks",
    "home_recovery_max_weeks", "home_recovery_note", "restrictions", "restriction_min_months",
    "restriction_max_months", "risks", "medicines", "sources", "is_demo",
)  # fmt: skip


def free_slug(base: str) -> str:
    slug, n = base, 2
    while Article.objects.filter(slug=slug).exists():
        slug, n = f"{base}-{n}", n + 1
    return slug


@transaction.atomic
def draft_translation(article: Article, language: str) -> Article | None:
    """A draft in `language` of the article's original, or None when that language already
    has its version (or is the original's own)."""
    original = article.translation_of or article
    if language == original.language or original.translations.filter(language=language).exists():
        return None
    copy = Article.objects.create(
        **{name: getattr(original, name) for name in COPIED_FIELDS},
        slug=free_slug(f"{original.slug}-{language}"),
        language=language,
        translation_of=original,
        status=Article.Status.DRAFT,
    )
    for model in (CareInstruction, WarningSign):
        for item in model.objects.filter(article=original):
            item.pk = item.id = None
            item.article = copy
            item.save()
    for picture in Illustration.objects.filter(article=original):
        picture.pk = picture.id = None
        picture.article = copy
        picture.save()  # the same stored file: only its description and caption change
    return copy
