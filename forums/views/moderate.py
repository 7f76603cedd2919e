"""Moderators' thread buttons on the site (lock, pin, move); the admin's bulk actions call
the same functions. Hide and restore are moderation's generic views."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from core.decorators import moderator_required
from core.forms import moderation_note
from forums import moderating
from forums.forms import MoveThreadForm
from forums.models import Thread


def _thread_action(action, done):
    @require_POST
    @moderator_required
    def view(request, pk):
        thread = get_object_or_404(Thread, pk=pk)
        action(thread=thread, moderator=request.user, note=moderation_note(request))
        messages.success(request, done)
        return redirect(thread)

    view.__name__ = action.__name__
    return view


thread_lock = _thread_action(moderating.lock_thread, gettext_lazy("The thread is locked."))
thread_unlock = _thread_action(moderating.unlock_thread, gettext_lazy("The thread is open again."))
thread_pin = _thread_action(moderating.pin_thread, gettext_lazy("The thread is pinned."))
thread_unpin = _thread_action(
    moderating.unpin_thread, gettext_lazy("The thread is no longer pinned.")
)


@moderator_required
def thread_move(request, pk):
    thread = get_object_or_404(Thread.objects.select_related("forum"), pk=pk)
    form = MoveThreadForm(request.POST or None, initial={"forum": thread.forum})
    if request.method == "POST" and form.is_valid():
        moderating.move_thread(
            thread=thread, forum=form.cleaned_data["forum"], moderator=request.user,
            note=form.cleaned_data["note"],
        )  # fmt: skip
        messages.success(request, _("The thread is now in %(forum)s.") % {"forum": thread.forum})
        return redirect(thread)
    return render(request, "forums/thread_move.html", {"form": form, "thread": thread})
