from django.apps import AppConfig
from django.contrib.admin import apps as admin_apps


class PortalConfig(AppConfig):
    """The top of the project: settings, root URLs, home, site pages, sitemaps, page cache."""

    default = True
    name = "portal"
    verbose_name = "Site"

    def ready(self):
        from portal import checks  # noqa: F401  (registers the deploy checks)


class PortalAdminConfig(admin_apps.AdminConfig):
    default = False
    default_site = "portal.admin_site.PortalAdminSite"
