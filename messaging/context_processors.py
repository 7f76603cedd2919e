from messaging.sending import unread_conversations


def unread_messages(request):
    """The header's count of conversations with something new: one query, members only."""
    user = getattr(request, "user", None)
    return {"unread_conversations": unread_conversations(user) if user is not None else 0}
