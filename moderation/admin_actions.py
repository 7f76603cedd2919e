"""Hide and restore as admin actions for any registered model: the content apps' admins
mix this in, so the admin, the site's buttons and the report page share one mechanism."""

from django.contrib import admin, messages

from core.roles import is_moderator
from moderation import services
from moderation.registry import rules_for


class HideRestoreActions:
    actions = ["hide_selected", "restore_selected"]

    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)

    @admin.action(description="Hide the selected items", permissions=["moderate"])
    def hide_selected(self, request, queryset):
        rule = rules_for(self.model).can_hide
        done = [obj for obj in queryset if rule(request.user, obj)]
        for obj in done:
            services.hide(target=obj, moderator=request.user, note="Hidden from the admin.")
        messages.success(request, f"{len(done)} hidden.")

    @admin.action(description="Restore the selected items", permissions=["moderate"])
    def restore_selected(self, request, queryset):
        rule = rules_for(self.model).can_restore
        done = [obj for obj in queryset if rule(request.user, obj)]
        for obj in done:
            services.restore(target=obj, moderator=request.user)
        skipped = len(queryset) - len(done)
        note = (
            f" {skipped} left as they are (not hidden, or deleted by their author)."
            if skipped
            else ""
        )
        messages.success(request, f"{len(done)} restored.{note}")
