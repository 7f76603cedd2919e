"""The welcome page a new member lands on after confirming their email: the procedures
they care about (watching their forums), their surgery date (the "Day N" badge), how they
hear about replies, and the guidelines. Every step is optional and can be done again."""

from django import forms
from django.contrib import messages
from django.db import transaction
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _

from accounts.decorators import public_write
from accounts.forms import NotificationPreferencesForm
from articles.models import Article
from core.forms import StorableTextMixin
from core.inputs import query_slug
from forums.forms import RecoveryRecordForm
from forums.models import ForumWatch
from forums.watching import forums_for_procedures, watch_forums

STEPS = ("procedures", "surgery", "notifications", "guidelines")


class ProceduresForm(StorableTextMixin, forms.Form):
    procedures = forms.ModelMultipleChoiceField(
        queryset=Article.objects.none(),
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Procedures you care about"),
        help_text=gettext_lazy(
            "You'll be told about new threads in their forums (stop any time from the "
            "forum's page)."
        ),
        error_messages={
            "required": gettext_lazy("Tick at least one procedure, or skip this step.")
        },
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["procedures"].queryset = (
            Article.objects.published()
            .readable_in(get_language())
            .only("title", "body_part_id")
            .order_by("title")
        )


def _forms(request, step: str) -> dict:
    user, data = request.user, request.POST if request.method == "POST" else None
    return {
        "procedures": ProceduresForm(data if step == "procedures" else None),
        "surgery": RecoveryRecordForm(data if step == "surgery" else None, user=user),
        "notifications": NotificationPreferencesForm(
            data if step == "notifications" else None, instance=user
        ),
    }


def _next_step(step: str) -> str:
    return f"{reverse('welcome')}#step-{STEPS[STEPS.index(step) + 1]}"


def _save(request, step: str, form) -> str:
    """Do the step; what to tell the member."""
    user = request.user
    if step == "procedures":
        with transaction.atomic():
            added = watch_forums(
                user=user, forums=forums_for_procedures(form.cleaned_data["procedures"])
            )
        names = ", ".join(forum.name for forum in added)
        if added:
            return _("You are watching %(forums)s.") % {"forums": names}
        return _("You already watch those forums.")
    if step == "surgery":
        record = form.save(commit=False)
        record.user = user
        record.save()
        return _("Your surgery is recorded: see it, or add another, under “My recovery”.")
    form.save()
    return _("Your notification settings are saved.")


@public_write
def welcome(request):
    step = query_slug(request, "step") if request.method == "POST" else ""
    if step and step not in STEPS[:-1]:
        raise Http404("No such step.")
    forms_by_step = _forms(request, step)
    if step:
        form = forms_by_step[step]
        if form.is_valid():
            messages.success(request, _save(request, step, form))
            return redirect(_next_step(step))
    context = {
        **{f"{name}_form": form for name, form in forms_by_step.items()},
        "watched_forums": ForumWatch.objects.filter(user=request.user).select_related("forum"),
        "records": request.user.recovery_records.select_related("article"),
    }
    return render(request, "portal/welcome.html", context)
