"""Hero pages and nomination stories in the one moderation mechanism, and the nominations
waiting for review on the moderation dashboard (read by moderation.registry)."""

from django.utils.translation import gettext_lazy as _

from heroes import permissions
from heroes.models import Hero, Nomination
from moderation.registry import Queue

MODERATED = {
    Hero: {
        "can_hide": permissions.can_hide_hero,
        "can_restore": permissions.can_restore_hero,
        "reportable": permissions.reportable_heroes,
    },
    Nomination: {
        "can_hide": permissions.can_hide_story,
        "can_restore": permissions.can_restore_story,
        "reportable": permissions.reportable_stories,
    },
}

QUEUES = [
    Queue(
        label=_("Nominations"),
        pending=lambda: Nomination.objects.pending().order_by("created_at"),
        date_field="created_at",
        url_name="admin:heroes_nomination_changelist",
    )
]
