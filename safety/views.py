from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.translation import get_language

from safety.lines import country_from_header, crisis_lines, reader_country
from safety.models import SafetyReview


def crisis_resources(request):
    """Who to call or text now: built from the crisis lines editors keep in the admin, for
    the reader's language and country (?all=1: every country's), with who reviewed this
    language's safety wording."""
    language = get_language()
    everywhere = crisis_lines(language)
    lines = (
        everywhere if request.GET.get("all") else crisis_lines(language, reader_country(request))
    )
    context = {
        "lines": lines,
        "narrowed": len(lines) < len(everywhere),
        "review": SafetyReview.objects.filter(language=language).first(),
    }
    response = render(request, "safety/crisis_resources.html", context)
    patch_vary_headers(response, ["Accept-Language"])
    if country_from_header(request):
        # The lines depend on the browser's region, which the anonymous page cache's key
        # does not carry: such a page is never stored (portal.page_cache skips "private").
        patch_cache_control(response, private=True)
    return response
