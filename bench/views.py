from django.http import HttpResponse
from django.views.decorators.cache import never_cache


@never_cache
def baseline(request):
    """The benchmark's baseline: Django's whole stack, no database, no template."""
    return HttpResponse("ok", content_type="text/plain")
