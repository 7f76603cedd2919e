from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from portal.models import SearchSynonym, SitePage


@admin.register(SitePage)
class SitePageAdmin(SimpleHistoryAdmin):
    list_display = ["title", "slug", "updated_at"]
    search_fields = ["title", "body"]
    prepopulated_fields = {"slug": ["title"]}
    fields = ["title", "slug", "body"]


@admin.register(SearchSynonym)
class SearchSynonymAdmin(SimpleHistoryAdmin):
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]
