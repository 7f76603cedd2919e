from messaging.permissions import can_start_conversation
from messaging.sending import unread_conversations


def unread_messages(request):
    """The header's count of conversations with something new: one query, members only."""
    user = getattr(request, "user", None)
    return {
        "unread_conversations": unread_conversations(user) if user is not None else 0,
        # Called only by the templates that show a "message" button (profile, inbox).
        "can_start_conversation": lambda: user is not None and can_start_conversation(user),
    }
