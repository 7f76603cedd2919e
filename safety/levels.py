from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Level(models.TextChoices):
    """What a piece of member text calls for, most urgent first."""

    CRISIS = "crisis", _("Crisis: risk to the member's life")
    EMERGENCY = "emergency", _("Medical emergency")
    SIGN = "sign", _("Warning sign")
    NONE = "none", pgettext_lazy("safety level", "None")


URGENT = (Level.CRISIS, Level.EMERGENCY)

RANK = {Level.NONE: 0, Level.SIGN: 1, Level.EMERGENCY: 2, Level.CRISIS: 3}


def rises(new: str, old: str) -> bool:
    """Whether `new` is more urgent than `old` (a flag is filed when the level rises)."""
    return RANK[new] > RANK[old]
