from django.contrib import admin

from core.history_admin import HistoryAdmin
from search.models import SearchSynonym


@admin.register(SearchSynonym)
class SearchSynonymAdmin(HistoryAdmin):
    list_display = ["term", "synonyms", "language"]
    list_filter = ["language"]
    search_fields = ["term", "synonyms"]
