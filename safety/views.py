from django.shortcuts import render

from safety.models import CrisisLine


def crisis_resources(request):
    """Who to call or text now: built from the crisis lines editors keep in the admin."""
    lines = CrisisLine.objects.filter(is_active=True)
    return render(request, "safety/crisis_resources.html", {"lines": lines})
