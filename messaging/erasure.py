"""What deleting an account removes from private messages (accounts.data_rights)."""

from core.erasing import REMOVED_TEXT
from messaging.models import Conversation, Message, Participant


def erase(user, *, erase_text: bool) -> None:
    """The member leaves every conversation; what they sent stays for the others, from
    "deleted member" (no link to the account), unless they asked to erase their text."""
    sent = Message.objects.filter(sender=user)
    if erase_text:
        sent.update(body=REMOVED_TEXT, body_html=f"<p>{REMOVED_TEXT}</p>")
    sent.update(sender=None, form_token=None)
    Participant.objects.filter(user=user).delete()
    Conversation.objects.filter(participants=None).delete()
