from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

from accounts.permissions import posting_refusal

SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def public_write(view):
    """A member view whose POST changes what others see. Visitors go to the login page; a
    suspended or closed account gets 403 with the reason (`posting_refusal`, the one check
    every member write uses)."""

    @login_required
    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if request.method not in SAFE_METHODS and (refusal := posting_refusal(request.user)):
            raise PermissionDenied(refusal)
        return view(request, *args, **kwargs)

    return wrapper
