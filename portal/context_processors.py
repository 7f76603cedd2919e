from django.conf import settings
from django.utils.functional import lazy

from core.site import site_name


def site(request):
    return {
        "SITE_NAME": lazy(site_name, str)(),  # in the language of the page
        "BACKUP_RETENTION_DAYS": settings.BACKUP_RETENTION_DAYS,
    }
