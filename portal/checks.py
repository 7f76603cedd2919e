"""System checks for a deployment (`manage.py check --deploy`)."""

from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def site_url_is_set(app_configs, **kwargs) -> list[checks.CheckMessage]:
    """Emails link to PORTAL_SITE_URL: left at its default, every confirmation, reset and
    notification link would point at a developer's machine."""
    site_url, default = settings.SITE_URL, settings.SITE_URL_DEFAULT.rstrip("/")
    if site_url != default:
        return []
    return [
        checks.Warning(
            f"PORTAL_SITE_URL is the development default ({settings.SITE_URL_DEFAULT}): "
            "links in emails would point there.",
            hint="Set PORTAL_SITE_URL to the address members reach the site at, "
            "e.g. https://portal.example.org.",
            id="portal.W001",
        )
    ]
