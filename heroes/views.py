from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language

from accounts.limits import limit_refusal
from core import versions
from core.inputs import USERNAME, query_int, query_slug
from heroes.caching import hero_page_versions
from heroes.forms import NominationForm
from heroes.models import Hero, Nomination
from heroes.nominating import (
    deep_link_initial,
    earlier_submission,
    nomination_refusal,
    submit_nomination,
)
from heroes.permissions import can_nominate
from heroes.policy import policy_page
from safety.checks import classify
from safety.notices import redirect_with_notice
from search.query import seconds_until_next_publication

HEROES_PER_PAGE = 12
NOMINATIONS_PER_PAGE = 20


def hero_list(request):
    heroes = Hero.objects.for_public_display().select_related("body_part")
    context = {
        "page_obj": Paginator(heroes, HEROES_PER_PAGE).get_page(query_int(request, "page")),
        "show_nominate_link": can_nominate(request.user) or not request.user.is_authenticated,
    }
    return render(request, "heroes/hero_list.html", context)


def hero_detail(request, slug):
    hero = get_object_or_404(
        Hero.objects.visible_to(request.user).select_related("account", "body_part"), slug=slug
    )
    stories = (
        hero.nominations.published_stories()
        .select_related("nominator", "procedure")
        .order_by("-decided_at", "-pk")
    )
    context = {
        "hero": hero,
        "stories": stories,
        "procedures": hero.procedures.for_reader(get_language()).published().order_by("title"),
        # The procedures, stories and answers are read only when their fragment is built.
        "hero_versions": hero_page_versions(hero),
        "fragment_seconds": versions.lifetime(seconds_until_next_publication()),
        "verified_account": hero.verified_account,
        "show_nominate_link": hero.is_published
        and (can_nominate(request.user) or not request.user.is_authenticated),
    }
    return render(request, "heroes/hero_detail.html", context)


@login_required
def nomination_create(request):
    if refusal := nomination_refusal(request.user):
        raise PermissionDenied(refusal)
    if request.method == "POST":
        earlier = earlier_submission(request.user, request.POST.get("form_token"))
        if earlier is not None:
            return redirect("heroes:nomination_done", pk=earlier.pk)
    initial = deep_link_initial(
        hero_slug=query_slug(request, "hero"),
        username=query_slug(request, "member", pattern=USERNAME),
    )
    form = NominationForm(request.POST or None, user=request.user, initial=initial)
    if request.method == "POST" and form.is_valid():
        if refusal := limit_refusal(request, "nomination"):
            form.add_error(None, refusal)
        else:
            nomination = submit_nomination(
                nominator=request.user, nomination=form.save(commit=False)
            )
            done = reverse("heroes:nomination_done", args=[nomination.pk])
            # The story's safety notice for its author (the flag is filed when it is saved).
            return redirect_with_notice(request, classify(nomination.story), done)
    notice = limit_refusal(request, "nomination", count=False) if request.method == "GET" else ""
    context = {"form": form, "limit_notice": notice}
    return render(request, "heroes/nomination_form.html", context)


@login_required
def nomination_done(request, pk):
    nomination = get_object_or_404(
        Nomination.objects.filter(nominator=request.user).select_related("hero"), pk=pk
    )
    return render(request, "heroes/nomination_done.html", {"nomination": nomination})


@login_required
def nomination_list(request):
    nominations = Nomination.objects.filter(nominator=request.user).select_related(
        "hero", "procedure"
    )
    page_obj = Paginator(nominations, NOMINATIONS_PER_PAGE).get_page(query_int(request, "page"))
    return render(request, "heroes/nomination_list.html", {"page_obj": page_obj})


def policy(request):
    page = policy_page()
    if page is None:
        raise Http404("The hero policy has not been written yet.")
    return render(request, "heroes/policy.html", {"page": page})
