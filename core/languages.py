"""A page's address in another language, for every layer that writes links (notifications,
emails, the language switcher, hreflang alternates)."""

from urllib.parse import urlsplit

from django.conf import settings
from django.urls import translate_url
from django.utils import translation


def localized_url(url: str, language: str | None = None) -> str:
    """The same page in `language` (the active one by default): /es/… for Spanish. Addresses
    outside the language prefixes (the admin) and unknown ones stay as they are."""
    if not url:
        return url
    wanted = language or translation.get_language()
    written_in = translation.get_language_from_path(urlsplit(url).path)
    with translation.override(written_in or settings.LANGUAGE_CODE):  # to resolve it
        return translate_url(url, wanted)
