"""Demo members: a few patients, one verified surgeon, one editor and one moderator.

All demo accounts share one password, printed once when they are created.
"""

from allauth.account.models import EmailAddress
from django.utils import timezone

from accounts.groups import assign_role
from accounts.models import SurgeonVerification, User

DEMO_PASSWORD = "demo-portal-2026"
MEMBERS = ["dadoody", "singhnri123", "kneehealer", "hipnewme", "runagain", "carer_jo"]
STAFF = {"demo_editor": "editor", "demo_moderator": "moderator"}
SURGEON = "dr_lee"


def _member(username: str) -> tuple[User, bool]:
    user, created = User.objects.get_or_create(
        username=username, defaults={"email": f"{username}@example.com"}
    )
    if created:
        user.set_password(DEMO_PASSWORD)
        user.date_joined = timezone.now() - timezone.timedelta(days=400)
        user.save()
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    return user, created


def load(*, stdout) -> None:
    created_any = False
    for username in MEMBERS + [SURGEON, *STAFF]:
        _, created = _member(username)
        created_any |= created
    for username, role in STAFF.items():
        assign_role(User.objects.get(username=username), role)
    surgeon = User.objects.get(username=SURGEON)
    SurgeonVerification.objects.get_or_create(
        user=surgeon,
        defaults={
            "full_name": "Dr. Morgan Lee (fictional)",
            "specialty": "Orthopaedic surgery (knee)",
            "practice": "Demo General Hospital",
            "licence_number": "DEMO-0001",
            "status": SurgeonVerification.Status.VERIFIED,
            "decided_at": timezone.now(),
        },
    )
    if not surgeon.is_verified_surgeon:
        surgeon.is_verified_surgeon = True
        surgeon.save(update_fields=["is_verified_surgeon"])
    stdout.write(f"Members: {User.objects.count()}.")
    if created_any:
        stdout.write(
            f"Demo accounts (password {DEMO_PASSWORD!r}): moderator 'demo_moderator', "
            f"editor 'demo_editor', surgeon '{SURGEON}', members {', '.join(MEMBERS)}."
        )
