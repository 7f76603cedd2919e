from django.contrib import admin, messages
from django.db.models import Count, OuterRef, Subquery
from django.utils.html import format_html

from core.roles import is_moderator
from moderation import services
from moderation.models import ModerationLogEntry, Report, Suspension


class ModeratorActionsMixin:
    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)


@admin.register(Report)
class ReportAdmin(ModeratorActionsMixin, admin.ModelAdmin):
    list_display = ["target_link", "reason", "reporter", "reports_on_item", "status", "created_at"]
    list_filter = ["status", "reason", "content_type"]
    search_fields = ["note", "reporter__username"]
    list_select_related = ["reporter", "content_type"]
    readonly_fields = [
        "target_link", "content_type", "object_id", "reporter", "reason", "note", "status",
        "created_at", "handled_by", "handled_at",
    ]  # fmt: skip
    fields = readonly_fields
    date_hierarchy = "created_at"
    actions = ["hide_content", "restore_content", "dismiss"]

    def get_queryset(self, request):
        same_item = Report.objects.filter(
            content_type=OuterRef("content_type"), object_id=OuterRef("object_id")
        )
        counts = same_item.values("content_type").annotate(n=Count("pk")).values("n")
        return super().get_queryset(request).annotate(item_report_count=Subquery(counts))

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description="reports on this item", ordering="item_report_count")
    def reports_on_item(self, report):
        return report.item_report_count

    @admin.display(description="content")
    def target_link(self, report):
        target = report.target
        if target is None:
            return "(removed)"
        url = target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""
        status = getattr(target, "get_status_display", lambda: "")()
        return format_html('<a href="{}">{}</a> <small>{}</small>', url, str(target)[:80], status)

    @admin.action(description="Hide the reported content", permissions=["moderate"])
    def hide_content(self, request, queryset):
        for report in queryset:
            services.hide_reported(report=report, moderator=request.user)
        messages.success(request, "The reported content is hidden.")

    @admin.action(description="Restore the reported content", permissions=["moderate"])
    def restore_content(self, request, queryset):
        for report in queryset:
            services.restore_reported(report=report, moderator=request.user)
        messages.success(request, "The content is restored and its reports closed.")

    @admin.action(description="Dismiss the reports (no action)", permissions=["moderate"])
    def dismiss(self, request, queryset):
        for report in queryset:
            services.dismiss_report(report=report, moderator=request.user)
        messages.success(request, "Reports dismissed.")


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(admin.ModelAdmin):
    list_display = ["created_at", "actor", "action", "target_repr", "note"]
    list_filter = ["action", "content_type"]
    search_fields = ["target_repr", "note", "actor__username"]
    list_select_related = ["actor"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False


@admin.register(Suspension)
class SuspensionAdmin(ModeratorActionsMixin, admin.ModelAdmin):
    list_display = ["member", "starts_at", "ends_at", "created_by", "lifted_at"]
    list_filter = ["lifted_at"]
    search_fields = ["member__username", "reason"]
    list_select_related = ["member", "created_by"]
    autocomplete_fields = ["member"]
    fields = ["member", "ends_at", "reason"]
    actions = ["lift"]

    def get_readonly_fields(self, request, obj=None):
        return self.fields if obj else []

    def save_model(self, request, obj, form, change):
        if change:
            return
        suspension = services.suspend_member(
            member=obj.member, moderator=request.user, ends_at=obj.ends_at, reason=obj.reason
        )
        obj.pk = suspension.pk

    @admin.action(description="Lift the selected suspensions", permissions=["moderate"])
    def lift(self, request, queryset):
        for suspension in queryset.select_related("member"):
            services.lift_suspension(member=suspension.member, moderator=request.user)
        messages.success(request, "Suspensions lifted.")
