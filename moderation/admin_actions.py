"""Hide and restore as admin actions for any registered model: the content apps' admins
mix this in, so the admin, the site's buttons and the report page share one mechanism."""

from django.contrib import admin, messages
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from core.roles import is_moderator
from moderation import services
from moderation.log_text import FROM_ADMIN
from moderation.registry import rules_for


class HideRestoreActions:
    actions = ["hide_selected", "restore_selected"]

    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)

    @admin.action(description=_("Hide the selected items"), permissions=["moderate"])
    def hide_selected(self, request, queryset):
        rule = rules_for(self.model).can_hide
        done = [obj for obj in queryset if rule(request.user, obj)]
        for obj in done:
            services.hide(target=obj, moderator=request.user, params=FROM_ADMIN)
        messages.success(request, gettext("%(count)d hidden.") % {"count": len(done)})

    @admin.action(description=_("Restore the selected items"), permissions=["moderate"])
    def restore_selected(self, request, queryset):
        rule = rules_for(self.model).can_restore
        done = [obj for obj in queryset if rule(request.user, obj)]
        for obj in done:
            services.restore(target=obj, moderator=request.user)
        restored = gettext("%(count)d restored.") % {"count": len(done)}
        skipped = len(queryset) - len(done)
        if skipped:
            left = ngettext(
                "%(count)d left as it is (not hidden, or deleted by its author).",
                "%(count)d left as they are (not hidden, or deleted by their author).",
                skipped,
            ) % {"count": skipped}
            restored = f"{restored} {left}"
        messages.success(request, restored)
