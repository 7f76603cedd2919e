from functools import wraps

from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.utils.translation import gettext as _

from core.roles import has_moderator_role, is_moderator


def moderator_required(view):
    """Visitors go to the login page; members who are not moderators get 403; a moderator
    without the two-factor authentication staff need is sent to set it up."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path())
        if not is_moderator(request.user):
            if has_moderator_role(request.user):  # a moderator without two-factor auth yet
                messages.warning(request, _("Set up two-factor authentication to moderate."))
                return redirect("mfa_activate_totp")
            raise PermissionDenied(_("Only moderators can do this."))
        return view(request, *args, **kwargs)

    return wrapper
