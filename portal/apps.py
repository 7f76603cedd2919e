from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    default = True
    name = "portal"
    verbose_name = "Site"
    editor_permissions = ("portal.view_sitepage", "portal.add_sitepage", "portal.change_sitepage")
    moderator_permissions = ("portal.view_sitepage",)


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"
