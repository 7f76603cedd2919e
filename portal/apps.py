from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps
from django.db.models.signals import m2m_changed, post_delete, post_save


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = "Site"
    editor_permissions = (
        "portal.view_sitepage",
        "portal.add_sitepage",
        "portal.change_sitepage",
        "portal.view_searchsynonym",
        "portal.add_searchsynonym",
        "portal.change_searchsynonym",
        "portal.delete_searchsynonym",
    )
    moderator_permissions = ("portal.view_sitepage",)

    def ready(self):
        from portal import page_cache, search_sources

        search_sources.connect_signals()
        post_save.connect(page_cache.bump_generation, dispatch_uid="page_cache.save")
        post_delete.connect(page_cache.bump_generation, dispatch_uid="page_cache.delete")
        m2m_changed.connect(page_cache.bump_generation, dispatch_uid="page_cache.m2m")


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"
