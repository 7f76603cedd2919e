from django import template
from django.db.models import prefetch_related_objects

register = template.Library()


@register.inclusion_tag("articles/includes/illustrations.html")
def illustrations(article, section: str):
    """The article's pictures placed at the end of `section`: one query for the whole
    article, however many sections ask."""
    prefetch_related_objects([article], "illustrations")
    return {"pictures": [item for item in article.illustrations.all() if item.section == section]}
