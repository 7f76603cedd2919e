from django.apps import AppConfig

ARTICLE_MODELS = ("article", "bodypart", "careinstruction", "warningsign")


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Procedure articles"
    editor_permissions = tuple(
        f"articles.{verb}_{model}"
        for model in ARTICLE_MODELS
        for verb in ("view", "add", "change", "delete")
    )
    # Moderators read and revert an article's history (change), but do not write articles.
    moderator_permissions = tuple(f"articles.view_{model}" for model in ARTICLE_MODELS) + (
        "articles.change_article",
    )
