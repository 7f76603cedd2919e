"""A member's own recovery records: procedures and surgery dates behind the post badges."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.decorators import public_write
from forums.forms import RecoveryRecordForm
from forums.models import RecoveryRecord


@public_write
def recovery_list(request):
    form = RecoveryRecordForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        record = form.save(commit=False)
        record.user = request.user
        record.save()
        messages.success(request, _("Your surgery is recorded. New posts will use it."))
        return redirect("forums:recovery_list")
    records = request.user.recovery_records.select_related("article")
    return render(request, "forums/recovery_list.html", {"form": form, "records": records})


@require_POST
@login_required
def recovery_delete(request, pk):
    record = get_object_or_404(RecoveryRecord, pk=pk, user=request.user)
    record.delete()
    messages.success(
        request, _("The record is removed. Badges on earlier posts stay as they were.")
    )
    return redirect("forums:recovery_list")
