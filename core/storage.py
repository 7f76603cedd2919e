"""Uploads on S3-compatible storage, still served from the site's own origin."""

from django.conf import settings
from django.utils.encoding import filepath_to_uri
from storages.backends.s3 import S3Storage
from storages.utils import clean_name


class OwnOriginS3Storage(S3Storage):
    """Links point at /media/ on our own origin (a view, or the balancer, fetches the object),
    so pages ask no other host for anything and the CSP stays 'self'."""

    def url(self, name, parameters=None, expire=None, http_method=None):
        return settings.MEDIA_URL + filepath_to_uri(clean_name(name))
