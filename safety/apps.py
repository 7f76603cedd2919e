from django.apps import AppConfig


class SafetyConfig(AppConfig):
    name = "safety"
    verbose_name = "Safety: crisis and emergency response"
    # Editors (often clinicians) keep the phrases and the crisis lines; the admin runs the
    # labelled corpus before a phrase change is saved. Phrases are switched off, not deleted.
    editor_permissions = (
        "safety.view_safetyphrase",
        "safety.add_safetyphrase",
        "safety.change_safetyphrase",
        "safety.view_crisisline",
        "safety.add_crisisline",
        "safety.change_crisisline",
    )
    moderator_permissions = ("safety.view_safetyphrase", "safety.view_crisisline")
