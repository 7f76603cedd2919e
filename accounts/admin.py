from django.contrib import admin
from django.contrib.auth.admin import UserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Block, Notification, PrivateDataAccess, User
from accounts.permissions import can_see_member_emails


@admin.register(User)
class PortalUserAdmin(UserAdmin):
    list_display = ["username", "date_joined", "is_verified_surgeon", "is_staff", "suspended_until"]
    list_filter = ["is_staff", "is_verified_surgeon", "is_active", "groups"]
    search_fields = ["username", "email"]
    readonly_fields = [
        "suspended_until", "suspension_reason", "deleted_at", "post_count",
        "terms_accepted_at", "guidelines_accepted_at", "age_confirmed_at",
    ]  # fmt: skip
    # What an editor needs: find a member by pseudonym to name a reviewer or link a hero.
    public_fieldsets = ((None, {"fields": ("username", "is_verified_surgeon", "date_joined")}),)
    fieldsets = (
        *UserAdmin.fieldsets,
        (
            _("Portal"),
            {
                "fields": (
                    "bio",
                    "is_verified_surgeon",
                    "email_notifications",
                    "suspended_until",
                    "suspension_reason",
                    "deleted_at",
                    "post_count",
                    "terms_accepted_at",
                    "guidelines_accepted_at",
                    "age_confirmed_at",
                )
            },
        ),
    )

    def get_search_fields(self, request):
        if can_see_member_emails(request.user):
            return self.search_fields
        return ["username"]

    def get_fieldsets(self, request, obj=None):
        if obj is None or can_see_member_emails(request.user):
            return super().get_fieldsets(request, obj)
        return self.public_fieldsets


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["recipient", "kind", "message", "created_at", "read_at"]
    list_filter = ["kind"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "actor"]
    date_hierarchy = "created_at"


@admin.register(PrivateDataAccess)
class PrivateDataAccessAdmin(admin.ModelAdmin):
    list_display = ["created_at", "viewer", "owner", "what"]
    search_fields = ["viewer__username", "owner__username", "what"]
    list_select_related = ["viewer", "owner"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Block)
class BlockAdmin(admin.ModelAdmin):
    list_display = ["blocker", "blocked", "created_at"]
    search_fields = ["blocker__username", "blocked__username"]
    list_select_related = ["blocker", "blocked"]
    raw_id_fields = ["blocker", "blocked"]
