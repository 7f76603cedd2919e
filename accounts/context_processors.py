from accounts.notifications import unread_count


def notifications(request):
    """The bell's unread count: one indexed query, for members only."""
    user = getattr(request, "user", None)
    return {"unread_notifications": unread_count(user) if user is not None else 0}
