"""Signals the shared layer sends, so that the moderation app can keep its log without
the content models importing it."""

from django.dispatch import Signal

# Sent after a moderated object changes state. Arguments: instance, action, actor, note.
content_moderated = Signal()
