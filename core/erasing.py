"""Helpers for the apps' `erasure.py` plug-ins (`erase(user, *, erase_text)`, run by
`accounts.data_rights.delete_account` inside its transaction)."""

from django.db import transaction
from django.db.models import Model

REMOVED_TEXT = "removed at the author's request"


def replace_text(rows, **fields) -> list[int]:
    """Overwrite the given text fields of each row through `save()`, so Markdown is
    re-rendered and search re-indexes it. Returns the rows' ids (for `purge_history`)."""
    ids = []
    for row in rows:
        for name, value in fields.items():
            setattr(row, name, value)
        row.save()
        ids.append(row.pk)
    return ids


def purge_history(model: type[Model], ids) -> None:
    """Drop every django-simple-history revision of these rows: the erased text lives on
    in no table."""
    model.history.filter(id__in=list(ids)).delete()


def delete_files_after_commit(files) -> None:
    """Remove uploaded files from media storage once the erasing transaction committed
    (a rolled-back erasure keeps them)."""
    found = [(file.storage, file.name) for file in files if file]
    transaction.on_commit(lambda: [storage.delete(name) for storage, name in found])
