"""The site's moderation pages for any registered content: report it, hide it, restore it.
Content is addressed by app label, model name and id, and each app's own predicate
(moderation.registry) decides who may do what."""

from django.apps import apps
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.decorators import moderator_required
from moderation import services
from moderation.forms import ReportForm
from moderation.registry import rules_for


def _model_and_rules(app_label: str, model_name: str):
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404("No such kind of content.") from error
    rules = rules_for(model)
    if rules is None:
        raise Http404("This kind of content cannot be moderated.")
    return model, rules


@login_required
def report_create(request, app_label, model_name, pk):
    model, rules = _model_and_rules(app_label, model_name)
    target = get_object_or_404(rules.reportable(request.user), pk=pk)
    form = ReportForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        services.report_content(target=target, reporter=request.user, **form.cleaned_data)
        messages.success(request, _("Thank you. A moderator will take a look."))
        return redirect(target.get_absolute_url())
    return render(request, "moderation/report_form.html", {"form": form, "target": target})


def _next_url(request, target) -> str:
    url = request.POST.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return url
    return target.get_absolute_url()


def _moderate(verb: str, refused: str, done: str):
    service = getattr(services, verb)

    @require_POST
    @moderator_required
    def view(request, app_label, model_name, pk):
        model, rules = _model_and_rules(app_label, model_name)
        target = get_object_or_404(model._default_manager, pk=pk)
        if not getattr(rules, f"can_{verb}")(request.user, target):
            raise PermissionDenied(str(refused))
        service(target=target, moderator=request.user, note=request.POST.get("note", "")[:500])
        messages.success(request, str(done))
        return redirect(_next_url(request, target))

    view.__name__ = verb
    return view


# Whole sentences, so that each language can word them its own way.
hide = _moderate("hide", gettext_lazy("This cannot be hidden now."), gettext_lazy("It is hidden."))
restore = _moderate(
    "restore", gettext_lazy("This cannot be restored now."), gettext_lazy("It is restored.")
)
make_members_only = _moderate(
    "make_members_only",
    gettext_lazy("This cannot be for members only now."),
    gettext_lazy("It is for members only."),
)
make_public = _moderate(
    "make_public",
    gettext_lazy("This cannot be public again now."),
    gettext_lazy("It is public again."),
)
