"""Which language a request is served in: one URL, one language.

- A page under a language prefix (`/es/…`) is in that language, for everyone.
- An unprefixed page of the site (English, the default) redirects a visitor whose chosen
  language (the language cookie, set by the switcher and kept in step with a member's
  setting) or, failing that, whose browser (`Accept-Language`) prefers another language we
  have, once, to the same page under that language's prefix. So the anonymous page cache,
  keyed by the active language, never stores a page under the wrong language.
- Paths outside the language prefixes (the admin, /healthz, uploads, the preview endpoint)
  take the chosen language without a redirect.

The switcher (`portal.views.switch_language`) stores the choice in the cookie and, for a
member, in their settings; this middleware re-sets the cookie from a member's setting after
they sign in on another device.
"""

from django.conf import settings
from django.conf.urls.i18n import is_language_prefix_patterns_used
from django.http import HttpResponseRedirect
from django.urls import is_valid_path
from django.utils import translation
from django.utils.cache import patch_vary_headers

DEFAULT = settings.LANGUAGE_CODE
# Any prefixed language: a path is one of the site's pages if it resolves under a prefix.
OTHER = next(code for code, _name in settings.LANGUAGES if code != DEFAULT)


def supported(code: str | None) -> str | None:
    """The language we serve for a code like "es-MX" (a region falls back to its language)."""
    if not code:
        return None
    try:
        return translation.get_supported_language_variant(code)
    except LookupError:
        return None


def preferred_language(request) -> str:
    """The visitor's choice (cookie), else their browser's, else the default."""
    chosen = supported(request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME))
    return chosen or translation.get_language_from_request(request, check_path=False)


def prefixed_path(request, language: str) -> str:
    return f"/{language}{request.get_full_path()}"


def remember_language(response, language: str) -> None:
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        path=settings.LANGUAGE_COOKIE_PATH,
        secure=settings.LANGUAGE_COOKIE_SECURE,
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )


class LanguageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.prefixed_urls = is_language_prefix_patterns_used(settings.ROOT_URLCONF)[0]

    def __call__(self, request):
        from_path = translation.get_language_from_path(request.path_info)
        unprefixed_page = not from_path and self._is_site_page(request.path_info)
        language = from_path or (DEFAULT if unprefixed_page else preferred_language(request))
        if unprefixed_page and request.method in ("GET", "HEAD"):
            wanted = preferred_language(request)
            if wanted != DEFAULT:
                response = HttpResponseRedirect(prefixed_path(request, wanted))
                patch_vary_headers(response, ("Accept-Language", "Cookie"))
                return response
        translation.activate(language)
        request.LANGUAGE_CODE = language
        try:
            response = self.get_response(request)
        finally:
            translation.deactivate()
        response.headers.setdefault("Content-Language", language)
        if unprefixed_page:
            patch_vary_headers(response, ("Accept-Language",))
        self._keep_member_choice(request, response)
        return response

    def _is_site_page(self, path: str) -> bool:
        """An unprefixed path served by the language-prefixed URL patterns."""
        if not self.prefixed_urls:
            return False
        with translation.override(OTHER):
            return is_valid_path(f"/{OTHER}{path}")

    @staticmethod
    def _keep_member_choice(request, response) -> None:
        user = getattr(request, "user", None)
        chosen = getattr(user, "language", "") if user and user.is_authenticated else ""
        if chosen and request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME) != chosen:
            remember_language(response, chosen)
