from django.apps import AppConfig
from django.db.models.signals import m2m_changed, post_delete, post_save

from core import versions


class CoreConfig(AppConfig):
    """The shared layer: abstract models, site pages, roles, Markdown, decorators, template
    tags, the named content versions. It imports no app of the project; every app may
    import it."""

    name = "core"
    verbose_name = "Site"

    def ready(self):
        post_save.connect(versions.on_write, dispatch_uid="content_versions.save")
        post_delete.connect(versions.on_write, dispatch_uid="content_versions.delete")
        m2m_changed.connect(versions.on_write, dispatch_uid="content_versions.m2m")
