from django.contrib import admin

from core.history_admin import HistoryAdmin
from core.models import SitePage


@admin.register(SitePage)
class SitePageAdmin(HistoryAdmin):
    list_display = ["title", "slug", "language", "is_demo", "updated_at"]
    list_filter = ["language", "is_demo"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "language", "body", "is_demo"]
