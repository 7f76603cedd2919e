"""What deleting an account removes from the heroes (accounts.data_rights.delete_account)."""

from heroes.models import Hero, Nomination


def erase(user, *, erase_text: bool) -> None:
    # Pending nominations are withdrawn: they leave the moderators' queue. Decided ones
    # stay, with the anonymised account (how a hero page came to be is a moderation record).
    Nomination.objects.filter(nominator=user, status=Nomination.Status.PENDING).delete()
    for hero in Hero.objects.filter(account=user):
        hero.account = None
        hero.save()
