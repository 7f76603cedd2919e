"""Which crisis lines a reader sees: those of the page's language, for the reader's country.

The country is the member's setting (`User.country`), else the region of the browser's
first `Accept-Language` tag that has one ("es-MX" -> MX); never a look-up of the address.
A reader in a country that has lines of their language sees those and the lines that answer
everywhere (a local emergency number); a reader whose country has none, or whose country we
do not know, sees every line of the language. A language without lines shows the English
ones. A database without any line (flushed) falls back to the shipped ones."""

from django.utils.translation import get_language
from django.utils.translation.trans_real import parse_accept_lang_header

from safety.corpus import load_crisis_lines
from safety.models import CrisisLine
from safety.text import text_rules

DEFAULT_LANGUAGE = "en"


def all_lines() -> list[CrisisLine]:
    lines = list(CrisisLine.objects.filter(is_active=True))
    return lines or [CrisisLine(**row) for row in load_crisis_lines()]


def country_from_header(request) -> str:
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "") if request is not None else ""
    for tag, _quality in parse_accept_lang_header(header[:255]):
        language, _dash, region = tag.partition("-")
        if len(region) == 2 and region.isalpha():
            return region.upper()
    return ""


def reader_country(request) -> str:
    """The member's country setting, else the Accept-Language region, else ""."""
    user = getattr(request, "user", None)
    if user is not None and user.is_authenticated and getattr(user, "country", ""):
        return user.country.upper()
    return country_from_header(request)


def crisis_lines(language: str | None = None, country: str = "") -> list[CrisisLine]:
    language = text_rules(language or get_language() or DEFAULT_LANGUAGE).code
    lines = all_lines()
    own = [line for line in lines if line.language == language]
    own = own or [line for line in lines if line.language == DEFAULT_LANGUAGE]
    if country and any(country in line.country_codes for line in own):
        return [line for line in own if not line.country_codes or country in line.country_codes]
    return own


def lines_for(request, language: str | None = None) -> list[CrisisLine]:
    return crisis_lines(language, reader_country(request))
