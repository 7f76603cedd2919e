"""Visibility rules shared by every piece of member content."""

from django.db import models
from django.db.models import Q

from core.roles import is_moderator


class ModeratedQuerySet(models.QuerySet):
    """QuerySet mixin for models built on `core.models.Moderated`."""

    author_field = "author"

    def visible(self):
        return self.filter(status=self.model.Status.VISIBLE)

    def held(self):
        return self.filter(status=self.model.Status.HELD)

    def visible_to(self, user):
        """Moderators see everything; authors also see their own hidden and held items."""
        if is_moderator(user):
            return self
        if user.is_authenticated:
            return self.filter(
                Q(status=self.model.Status.VISIBLE)
                | Q(
                    status__in=[self.model.Status.HIDDEN, self.model.Status.HELD],
                    **{self.author_field: user},
                )
            )
        return self.visible()
