"""Sending private messages: who may write to whom, the double-submit guard, the
notifications. Each workflow runs in one transaction."""

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext

from accounts.blocking import either_blocked
from accounts.notifications import notify
from accounts.permissions import posting_refusal
from messaging.models import Conversation, Message, Participant
from moderation.services import flag_for_safety
from safety.checks import classify
from safety.classifier import SafetyResult
from safety.levels import URGENT


def refusal(sender, recipients) -> str:
    """Why `sender` may not write to these members, or "" if they may."""
    if reason := posting_refusal(sender):
        return reason
    if not recipients:
        return gettext("Nobody else is in this conversation any more.")
    for member in recipients:
        if member.deleted_at or not member.is_active:
            return gettext("This member has left the community.")
        if either_blocked(sender, member):
            return gettext("You cannot send messages to %(name)s.") % {"name": member.public_name}
    return ""


def existing_message(sender, token) -> Message | None:
    return Message.objects.filter(sender=sender, form_token=token).first() if token else None


def start_conversation(*, sender, recipients, body: str, token) -> Message:
    """A new conversation with its first message; the same form sent twice returns the first."""
    if message := existing_message(sender, token):
        return message
    try:
        with transaction.atomic():
            conversation = Conversation.objects.create()
            Participant.objects.bulk_create(
                Participant(conversation=conversation, user=user) for user in [sender, *recipients]
            )
            return _add(conversation, sender, body, token)
    except IntegrityError:
        return existing_message(sender, token)


def reply(*, conversation: Conversation, sender, body: str, token) -> Message:
    if message := existing_message(sender, token):
        return message
    try:
        with transaction.atomic():
            return _add(conversation, sender, body, token)
    except IntegrityError:
        return existing_message(sender, token)


def _add(conversation: Conversation, sender, body: str, token) -> Message:
    message = Message.objects.create(
        conversation=conversation, sender=sender, body=body, form_token=token
    )
    Conversation.objects.filter(pk=conversation.pk).update(last_message_at=message.created_at)
    conversation.participants.filter(user=sender).update(last_read_at=message.created_at)
    for participant in conversation.participants.exclude(user=sender).select_related("user"):
        notify(
            recipient=participant.user, kind="message", actor=sender,
            url=conversation.get_absolute_url(),
        )  # fmt: skip
    return message


def others(conversation: Conversation, user):
    return [p.user for p in conversation.participants.all() if p.user_id != user.pk]


def mark_read(conversation: Conversation, user) -> None:
    conversation.participants.filter(user=user).update(last_read_at=timezone.now())


def unread_conversations(user) -> int:
    """For the header: how many conversations have something new. One indexed query."""
    if not user.is_authenticated:
        return 0
    return Participant.objects.filter(user=user).unread().count()


def safety_check(message: Message) -> SafetyResult:
    """THE single call site for the safety classifier: classify `message.body`, flag this
    message (only this one) for moderators on crisis or emergency, and return the result
    whose notice its writer sees."""
    result = classify(message.body)
    if result.level in URGENT:
        flag_for_safety(target=message, level=result.level, note=result.note())
    return result
