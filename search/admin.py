from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from search.models import SearchSynonym


@admin.register(SearchSynonym)
class SearchSynonymAdmin(SimpleHistoryAdmin):
    list_display = ["term", "synonyms"]
    search_fields = ["term", "synonyms"]
