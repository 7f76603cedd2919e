"""The one plug-in style: each app contributes to a cross-cutting service by adding a module
with a known name, found the way the admin finds `admin.py`.

| module         | what it holds                                   | who reads it             |
| -------------- | ----------------------------------------------- | ------------------------ |
| `search.py`    | `SOURCES`: the app's search documents           | `search.indexing`        |
| `exports.py`   | `export(user) -> dict`: the member's data       | `accounts.data_rights`   |
| `erasure.py`   | `erase(user, *, erase_text)`: account deletion  | `accounts.data_rights`   |
| `retention.py` | `purge(now) -> dict[str, int]`: expired records | `manage.py purge_expired`|
| `demo.py`      | `load(stdout)`: the demo content                | `manage.py load_demo`    |
| `sitemaps.py`  | `SITEMAPS`: {section name: Sitemap class}       | `portal.sitemaps`        |
| `groups.py`    | `EDITOR_PERMISSIONS`, `MODERATOR_PERMISSIONS`   | `accounts.groups`        |
| `moderating.py`| `MODERATED`: {model: rules}; `QUEUES` (optional) | `moderation.registry`    |
| `caching.py`   | `BUMPS`: {model: names of a write}; `QUIET`       | `core.versions`          |
"""

from pathlib import Path
from types import ModuleType

from django.apps import apps
from django.conf import settings
from django.utils.module_loading import import_module, module_has_submodule


def app_modules(name: str) -> list[ModuleType]:
    """The `name` module of each of the project's own apps that has one, in INSTALLED_APPS
    order (third-party apps are never searched)."""
    found = []
    for config in project_apps():
        if module_has_submodule(config.module, name):
            found.append(import_module(f"{config.name}.{name}"))
    return found


def project_apps() -> list:
    """The app configs of the project's own top-level apps (not the virtualenv's)."""
    base = Path(settings.BASE_DIR).resolve()
    return [c for c in apps.get_app_configs() if Path(c.path).resolve().parent == base]
