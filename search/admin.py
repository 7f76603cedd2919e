from django.contrib import admin

from core.history_admin import HistoryAdmin
from search.models import SearchSynonym


@admin.register(SearchSynonym)
class SearchSynonymAdmin(HistoryAdmin):
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]
