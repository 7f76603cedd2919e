"""The admin for models with a history (django-simple-history), made safe and complete.

- django-simple-history's revert form saves on POST whatever the form holds, checking only
  that the user may *view* the history: here a POST needs the change permission.
- A revert restores the whole object: the rows of its inlines that keep their own history
  (an article's care instructions and warning signs, a video's chapters) come back as they
  were at that version, in the same transaction.
"""

from django.contrib.admin.utils import unquote
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.forms.models import _get_foreign_key
from django.utils import timezone
from simple_history.admin import SimpleHistoryAdmin


class HistoryAdmin(SimpleHistoryAdmin):
    def history_form_view(self, request, object_id, version_id, extra_context=None):
        if request.method != "POST":
            return super().history_form_view(request, object_id, version_id, extra_context)
        if not self.has_change_permission(request, self.get_object(request, unquote(object_id))):
            raise PermissionDenied
        with transaction.atomic():
            response = super().history_form_view(request, object_id, version_id, extra_context)
            if response.status_code == 302:  # saved: the form was valid
                version = self.model.history.get(history_id=version_id)
                for inline in self.inlines:
                    if hasattr(inline.model, "history"):
                        restore_rows(
                            version, inline.model, _get_foreign_key(self.model, inline.model)
                        )
        return response


def restore_rows(version, model, foreign_key) -> None:
    """Make `model`'s rows pointing at the object be what they were when `version` was
    current: after that save (inlines are saved just after their parent) and before the
    object's next change."""
    later = version.instance.history.filter(history_date__gt=version.history_date)
    following = later.order_by("history_date").first()
    until = following.history_date - timezone.timedelta(microseconds=1) if following else None
    history = model.history.as_of(until) if until else model.objects
    parent_id = {foreign_key.attname: version.instance.pk}
    then = {row.pk: row for row in history.filter(**parent_id)}
    model.objects.filter(**parent_id).exclude(pk__in=then).delete()
    for row in then.values():
        row.save()
