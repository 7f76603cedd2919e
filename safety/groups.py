"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

# Editors (often clinicians) keep the phrases and the crisis lines; the admin runs the
# labelled corpus before a phrase change is saved. Phrases are switched off, not deleted.
EDITOR_PERMISSIONS = (
    "safety.view_safetyphrase",
    "safety.add_safetyphrase",
    "safety.change_safetyphrase",
    "safety.view_crisisline",
    "safety.add_crisisline",
    "safety.change_crisisline",
    "safety.view_safetyreview",
    "safety.add_safetyreview",
    "safety.change_safetyreview",
)

MODERATOR_PERMISSIONS = (
    "safety.view_safetyphrase",
    "safety.view_crisisline",
    "safety.view_safetyreview",
)
