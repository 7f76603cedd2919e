from django import template

register = template.Library()


@register.inclusion_tag("articles/includes/illustrations.html")
def illustrations(article, section: str):
    """The article's pictures placed at the end of `section` (prefetch "illustrations")."""
    return {"pictures": [item for item in article.illustrations.all() if item.section == section]}
