"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

ARTICLE_MODELS = ("article", "bodypart", "careinstruction", "warningsign", "illustration")


# Editors write and unpublish articles, but do not delete them (their history goes with
# them); deleting a care instruction, warning sign or illustration is part of editing an
# article.
EDITOR_PERMISSIONS = (
    *(f"articles.{verb}_{model}" for model in ARTICLE_MODELS for verb in ("view", "add", "change")),
    "articles.delete_careinstruction",
    "articles.delete_warningsign",
    "articles.delete_illustration",
    # Readers' "was this page helpful?" answers: read, and delete spam.
    "articles.view_articlefeedback",
    "articles.delete_articlefeedback",
)

# Moderators read articles and their history; editors write and revert them.
MODERATOR_PERMISSIONS = tuple(f"articles.view_{model}" for model in ARTICLE_MODELS)
