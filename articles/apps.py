from django.apps import AppConfig

ARTICLE_MODELS = ("article", "bodypart", "careinstruction", "warningsign")


class ArticlesConfig(AppConfig):
    name = "articles"
    verbose_name = "Procedure articles"
    # Editors write and unpublish articles, but do not delete them (their history goes with
    # them); deleting a care instruction or warning sign row is part of editing an article.
    editor_permissions = (
        *(
            f"articles.{verb}_{model}"
            for model in ARTICLE_MODELS
            for verb in ("view", "add", "change")
        ),
        "articles.delete_careinstruction",
        "articles.delete_warningsign",
    )
    # Moderators read articles and their history; editors write and revert them.
    moderator_permissions = tuple(f"articles.view_{model}" for model in ARTICLE_MODELS)
