from accounts.notifications import unread_count


def notifications(request):
    """The bell's unread count, stored on the member (no query)."""
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user) if user is not None else 0}
