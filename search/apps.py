from django.apps import AppConfig
from django.db.backends.signals import connection_created
from django.utils.translation import gettext_lazy as _


def register_fold(sender, connection, **kwargs):
    """SQLite has no `unaccent`: the fallback engine folds accents with our Python function."""
    if connection.vendor == "sqlite":
        from search.languages import fold

        connection.connection.create_function("portal_fold", 1, fold, deterministic=True)


class SearchConfig(AppConfig):
    """Site search. Each app contributes its documents in its own `search.py` (a `SOURCES`
    list of `search.indexing.Source`), found at start-up like the admin finds `admin.py`."""

    name = "search"
    verbose_name = _("Search")

    def ready(self):
        from search import indexing

        indexing.connect_signals()
        connection_created.connect(register_fold, dispatch_uid="search.register_fold")
