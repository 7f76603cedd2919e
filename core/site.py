"""The site's name, in the language being written: every page, email, feed and alert asks
`site_name()`.

An operator names the site per language (`PORTAL_SITE_NAME_ES`, … : settings.SITE_NAMES) or
once for every language (`PORTAL_SITE_NAME`: a proper name, used as it is); when they set
neither, the name is our own translatable "Patient Portal" ("Portal de pacientes").
Authenticator apps get `MFA_TOTP_ISSUER` instead, which never changes with the language.
"""

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext


def site_name(language: str | None = None) -> str:
    """The name in `language` (default: the active language)."""
    language = language or translation.get_language() or settings.LANGUAGE_CODE
    with translation.override(language):
        return (
            settings.SITE_NAMES.get(language)
            or settings.SITE_NAMES.get(language.split("-")[0])
            or settings.SITE_NAME
            or gettext("Patient Portal")
        )
