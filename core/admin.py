from django.contrib import admin

from core.history_admin import HistoryAdmin
from core.models import PendingTask, SitePage


@admin.register(SitePage)
class SitePageAdmin(HistoryAdmin):
    list_display = ["title", "slug", "language", "is_demo", "updated_at"]
    list_filter = ["language", "is_demo"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "language", "body", "is_demo"]


@admin.register(PendingTask)
class PendingTaskAdmin(admin.ModelAdmin):
    """Tasks kept while the queue was down (core.queueing): visible, and queued again by
    `requeue_stale_tasks` or the next task once the queue is back; never edited by hand."""

    list_display = ["task_path", "created_at", "run_after", "error"]
    readonly_fields = ["task_path", "args", "kwargs", "run_after", "error", "created_at"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False
