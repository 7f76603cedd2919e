"""A member's own moderation records, for their data download (accounts.data_rights)."""

from moderation.models import Report, Suspension


def export(user) -> dict:
    reports = Report.objects.filter(reporter=user).select_related("content_type")
    return {
        "reports_made": [
            {
                "about": f"{report.content_type.name} #{report.object_id}",
                "reason": report.reason,
                "note": report.note,
                "status": report.status,
                "created_at": report.created_at.isoformat(),
            }
            for report in reports
        ],
        "suspensions": list(
            Suspension.objects.filter(member=user).values(
                "reason", "starts_at", "ends_at", "lifted_at"
            )
        ),
    }
