from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext_lazy as _
from django_ratelimit.decorators import ratelimit

from accounts.access_log import log_private_access
from core.inputs import query_text
from core.roles import is_moderator
from messaging import permissions, sending
from messaging.forms import MessageForm, NewConversationForm, ReportMessageForm
from messaging.models import Conversation, Message, Participant
from moderation.models import Report
from moderation.services import report_content
from safety.notices import redirect_with_notice

RATE_LIMITED = _("You have sent a lot of messages in a short time; please wait a while.")


def _rate(group, request) -> str:
    return settings.MESSAGING_RATE_LIMIT


def _conversation_for(request, pk) -> Conversation:
    """Participants only: everyone else, moderators included, gets 404."""
    return get_object_or_404(Conversation.objects.of(request.user), pk=pk)


@login_required
def inbox(request):
    participants = Participant.objects.for_inbox(request.user).prefetch_related(
        "conversation__participants__user"
    )
    return render(request, "messaging/inbox.html", {"participants": participants})


@login_required
@ratelimit(key="user", rate=_rate, method="POST", block=False)
def conversation_new(request):
    initial = {"to": query_text(request, "to", max_length=300)}
    start_refusal = permissions.start_conversation_refusal(request.user)
    form = NewConversationForm(request.POST or None, initial=initial, sender=request.user)
    if request.method == "POST" and form.is_valid():
        recipients = form.cleaned_data["to"]
        token = form.cleaned_data["form_token"]
        refusal = start_refusal or sending.refusal(request.user, recipients)
        if not refusal and getattr(request, "limited", False):
            refusal = "" if sending.existing_message(request.user, token) else RATE_LIMITED
        if refusal:
            form.add_error(None, refusal)
        else:
            message = sending.start_conversation(
                sender=request.user, recipients=recipients,
                body=form.cleaned_data["body"], token=token,
            )  # fmt: skip
            return _sent(request, message)
    context = {
        "form": form,
        "max_recipients": settings.MESSAGING_MAX_RECIPIENTS,
        "start_refusal": start_refusal,
    }
    return render(request, "messaging/conversation_new.html", context)


@login_required
@ratelimit(key="user", rate=_rate, method="POST", block=False)
def conversation(request, pk):
    conversation = _conversation_for(request, pk)
    others = sending.others(conversation, request.user)
    form = MessageForm(request.POST or None, author=request.user)
    if request.method == "POST" and form.is_valid():
        token = form.cleaned_data["form_token"]
        refusal = sending.refusal(request.user, others)
        if not refusal and getattr(request, "limited", False):
            refusal = "" if sending.existing_message(request.user, token) else RATE_LIMITED
        if refusal:
            form.add_error(None, refusal)
        else:
            message = sending.reply(
                conversation=conversation, sender=request.user,
                body=form.cleaned_data["body"], token=token,
            )  # fmt: skip
            return _sent(request, message)
    sending.mark_read(conversation, request.user)
    thread = conversation.messages.select_related("sender")
    context = {"conversation": conversation, "others": others, "thread": thread, "form": form}
    return render(request, "messaging/conversation.html", context)


def _sent(request, message: Message):
    result = sending.safety_check(message)
    messages.success(request, _("Your message is sent."))
    url = f"{message.conversation.get_absolute_url()}#message-{message.pk}"
    return redirect_with_notice(request, result, url)


@login_required
def message_detail(request, pk):
    """A participant goes to the message in its conversation. A moderator sees a message
    only when a participant reported it, then only that message, and the look is logged."""
    message = get_object_or_404(Message.objects.select_related("sender"), pk=pk)
    if message.conversation.participants.filter(user=request.user).exists():
        return redirect(f"{message.conversation.get_absolute_url()}#message-{message.pk}")
    if not (is_moderator(request.user) and _is_reported(message)):
        raise Http404(_("No such message."))
    log_private_access(viewer=request.user, owner=message.sender, what=str(message))
    return render(request, "messaging/reported_message.html", {"message": message})


def _is_reported(message: Message) -> bool:
    return Report.objects.filter(
        content_type__app_label="messaging", content_type__model="message", object_id=message.pk
    ).exists()


@login_required
def message_report(request, pk):
    message = get_object_or_404(
        Message.objects.filter(conversation__participants__user=request.user)
        .exclude(sender=request.user)
        .select_related("sender"),
        pk=pk,
    )
    form = ReportMessageForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        report_content(
            target=message, reporter=request.user,
            reason=Report.Reason.ABUSE, note=form.cleaned_data["note"],
        )  # fmt: skip
        messages.success(request, _("Thank you. A moderator will read this message."))
        return redirect(message.conversation)
    return render(request, "messaging/report_form.html", {"form": form, "message": message})
