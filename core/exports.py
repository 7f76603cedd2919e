"""What a member's data download holds of the composers' shared data."""

from django.utils.translation import gettext as _


def export(user) -> dict:
    return {
        "images": [
            {
                "address": image.get_absolute_url(),
                "alt_text": image.alt_text,
                "posted_in": image.scope or _("not posted"),
                "uploaded_at": image.created_at.isoformat(),
            }
            for image in user.images.all()
        ],
        "drafts": list(user.drafts.values("key", "title", "body", "updated_at")),
    }
