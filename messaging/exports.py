"""A member's private conversations, for their data download (accounts.data_rights)."""

from django.utils.translation import gettext

from messaging.models import Participant


def export(user) -> dict:
    seats = Participant.objects.filter(user=user).prefetch_related(
        "conversation__participants__user", "conversation__messages__sender"
    )
    return {
        "private_messages": [
            {
                "with": [
                    p.user.public_name
                    for p in seat.conversation.participants.all()
                    if p.user_id != user.pk
                ],
                "messages": [
                    {
                        "from": message.sender.public_name
                        if message.sender
                        else gettext("deleted member"),
                        "body": message.body,
                        "sent_at": message.created_at.isoformat(),
                    }
                    for message in seat.conversation.messages.all()
                ],
            }
            for seat in seats
        ]
    }
