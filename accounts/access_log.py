"""Staff access to a member's private data is itself recorded (the privacy page says so)."""

from accounts.models import PrivateDataAccess


def log_private_access(*, viewer, owner, what: str) -> PrivateDataAccess:
    return PrivateDataAccess.objects.create(viewer=viewer, owner=owner, what=what[:300])


class LoggedPrivateViewMixin:
    """For a ModelAdmin whose rows are private data: opening a row is logged.
    `private_owner(obj)` names the member the data belongs to."""

    def change_view(self, request, object_id, form_url="", extra_context=None):
        response = super().change_view(request, object_id, form_url, extra_context)
        obj = getattr(response, "context_data", {}).get("original")
        if obj is not None and request.method == "GET":
            log_private_access(viewer=request.user, owner=self.private_owner(obj), what=str(obj))
        return response

    def changelist_view(self, request, extra_context=None):
        what = f"the list of {self.model._meta.verbose_name_plural}"
        log_private_access(viewer=request.user, owner=None, what=what)
        return super().changelist_view(request, extra_context)

    def private_owner(self, obj):
        return obj.user
