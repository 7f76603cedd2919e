from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import cache


class CoreConfig(AppConfig):
    """The shared layer: abstract models, site pages, roles, Markdown, decorators, template
    tags, the content generation. It imports no app of the project; every app may import it."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        post_save.connect(cache.bump_generation, dispatch_uid="content_generation.save")
        post_delete.connect(cache.bump_generation, dispatch_uid="content_generation.delete")
        m2m_changed.connect(cache.bump_generation, dispatch_uid="content_generation.m2m")
