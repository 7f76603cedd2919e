from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render

from core.models import Moderated
from moderation.forms import ReportForm
from moderation.services import report_content


def _reportable(app_label: str, model_name: str, pk: int, user):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404("Nothing to report here.") from error
    if not issubclass(model, Moderated):
        raise Http404("This kind of content cannot be reported.")
    return get_object_or_404(model.objects.visible_to(user), pk=pk)


@login_required
def report_create(request, app_label, model_name, pk):
    target = _reportable(app_label, model_name, pk, request.user)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_content(
            target=target,
            reporter=request.user,
            reason=form.cleaned_data["reason"],
            note=form.cleaned_data["note"],
        )
        messages.success(request, "Thank you. A moderator will take a look.")
        return redirect(target.get_absolute_url())
    return render(request, "moderation/report_form.html", {"form": form, "target": target})
