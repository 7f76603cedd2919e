"""Which named versions (core.versions) the shared layer's writes bump. A composer's draft
and an uploaded image show on no cached page (the image has its own view, which checks
the reader), so saving them, as often as autosave does, invalidates nothing."""

from core.models import Draft, MemberImage

QUIET = {Draft, MemberImage}
