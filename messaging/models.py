"""Private messages between members: conversations of two to six people.

Nobody but the participants reads a conversation. There is deliberately no admin for
these models: a moderator sees a message only when a participant reports it, and then
only that message (`messaging.views.reported_message`, logged).
"""

from django.conf import settings
from django.db import models
from django.db.models import Count, F, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.markdown import render_markdown


class ConversationQuerySet(models.QuerySet):
    def of(self, user):
        return self.filter(participants__user=user)


class Conversation(models.Model):
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    last_message_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ConversationQuerySet.as_manager()

    class Meta:
        ordering = ["-last_message_at"]
        verbose_name = _("conversation")
        verbose_name_plural = _("conversations")

    def __str__(self) -> str:
        return gettext("Conversation %(number)s") % {"number": self.pk}

    def get_absolute_url(self) -> str:
        return reverse("messaging:conversation", args=[self.pk])


class ParticipantQuerySet(models.QuerySet):
    def unread(self):
        return self.filter(conversation__last_message_at__gt=F("last_read_at"))

    def for_inbox(self, user):
        """The member's conversations, newest first, each with its unread count."""
        unread = Q(conversation__messages__created_at__gt=F("last_read_at")) & ~Q(
            conversation__messages__sender=user
        )
        return (
            self.filter(user=user)
            .select_related("conversation")
            .annotate(unread_count=Count("conversation__messages", filter=unread))
            .order_by("-conversation__last_message_at")
        )


class Participant(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="participants"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="conversations"
    )
    last_read_at = models.DateTimeField(default=timezone.now)

    objects = ParticipantQuerySet.as_manager()

    class Meta:
        ordering = ["conversation", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["conversation", "user"], name="one_seat_per_member")
        ]
        indexes = [models.Index(fields=["user", "last_read_at"], name="participant_inbox")]
        verbose_name = _("participant")
        verbose_name_plural = _("participants")

    def __str__(self) -> str:
        return f"{self.user} in {self.conversation}"


class Message(models.Model):
    conversation = models.ForeignKey(
        Conversation, on_delete=models.CASCADE, related_name="messages"
    )
    # Empty once the sender deleted their account: shown as "deleted member".
    sender = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        on_delete=models.SET_NULL,
        related_name="messages_sent",
    )
    body = models.TextField(_("message"), max_length=5000, help_text=_("Markdown."))
    body_html = models.TextField(editable=False, blank=True)
    created_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    # The form's one-time token: a double submit reaches the same message.
    form_token = models.UUIDField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["created_at", "pk"]
        indexes = [models.Index(fields=["conversation", "created_at"], name="message_thread")]
        constraints = [
            models.UniqueConstraint(fields=["sender", "form_token"], name="message_one_per_token")
        ]
        verbose_name = _("message")
        verbose_name_plural = _("messages")

    def __str__(self) -> str:
        sender = self.sender.public_name if self.sender else gettext("deleted member")
        return gettext("Private message from %(sender)s: %(start)s") % {
            "sender": sender,
            "start": self.body[:60],
        }

    def save(self, *args, **kwargs):
        self.body_html = render_markdown(self.body)
        if kwargs.get("update_fields") is not None:
            kwargs["update_fields"] = {*kwargs["update_fields"], "body_html"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("messaging:message", args=[self.pk])
