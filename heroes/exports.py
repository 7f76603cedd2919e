"""A member's nominations, for their data download (accounts.data_rights)."""

from heroes.models import Hero, Nomination


def export_nominations(user) -> list[dict]:
    nominations = Nomination.objects.filter(nominator=user).select_related("hero", "procedure")
    return [
        {
            "nominee": nomination.nominee_name,
            "specialty": nomination.surgeon_specialty,
            "practice": nomination.surgeon_practice,
            "city": nomination.surgeon_city,
            "relationship": nomination.relationship,
            "procedure": nomination.procedure.title if nomination.procedure_id else None,
            "story": nomination.story,
            "may_publish_story": nomination.may_publish_story,
            "status": nomination.status,
            "decision_reason": nomination.decision_text,
            "created_at": nomination.created_at.isoformat(),
            "decided_at": nomination.decided_at.isoformat() if nomination.decided_at else None,
        }
        for nomination in nominations
    ]


def export(user) -> dict:
    return {
        "hero_nominations": export_nominations(user),
        "hero_pages": list(Hero.objects.filter(account=user).values_list("name", flat=True)),
    }
