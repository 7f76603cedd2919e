"""The back office. It has no login form of its own: people sign in through the same
allauth login as everyone (rate-limited, with two-factor), and, when the setting is on,
staff who have not set up two-factor authentication are sent to do so first."""

from allauth.account.decorators import secure_admin_login
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.functional import lazy
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from core.roles import is_moderator, passes_staff_mfa
from core.site import site_name


class PortalAdminSite(admin.AdminSite):
    site_header = lazy(lambda: gettext("%(site)s back office") % {"site": site_name()}, str)()
    site_title = lazy(lambda: gettext("%(site)s admin") % {"site": site_name()}, str)()
    index_title = _("Moderation and editing")
    index_template = "admin/portal_index.html"

    def index(self, request, extra_context=None):
        if is_moderator(request.user):
            extra_context = {
                **(extra_context or {}),
                "moderation_dashboard_url": reverse("admin:moderation_dashboard"),
            }
        return super().index(request, extra_context)

    def has_permission(self, request) -> bool:
        return super().has_permission(request) and not self.needs_mfa(request.user)

    @staticmethod
    def needs_mfa(user) -> bool:
        return not passes_staff_mfa(user)

    def login(self, request, extra_context=None):
        user = request.user
        if user.is_authenticated and user.is_active and user.is_staff and self.needs_mfa(user):
            messages.warning(
                request, gettext("Set up two-factor authentication before opening the back office.")
            )
            return redirect("mfa_activate_totp")
        return secure_admin_login(super().login)(request, extra_context)
