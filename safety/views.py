from django.shortcuts import render

from safety.checks import crisis_lines


def crisis_resources(request):
    """Who to call or text now: built from the crisis lines editors keep in the admin."""
    return render(request, "safety/crisis_resources.html", {"lines": crisis_lines()})
