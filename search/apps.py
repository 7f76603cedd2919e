from django.apps import AppConfig


class SearchConfig(AppConfig):
    """Site search. Each app contributes its documents in its own `search.py` (a `SOURCES`
    list of `search.indexing.Source`), found at start-up like the admin finds `admin.py`."""

    name = "search"
    verbose_name = "Search"

    def ready(self):
        from search import indexing

        indexing.connect_signals()
