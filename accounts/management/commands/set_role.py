from django.core.management.base import BaseCommand, CommandError

from accounts.groups import ROLE_GROUPS, assign_role
from accounts.models import User


class Command(BaseCommand):
    help = "Put a member in the Editors or Moderators group (and give them admin access)."

    def add_arguments(self, parser):
        parser.add_argument("username")
        parser.add_argument("role", choices=sorted(ROLE_GROUPS))

    def handle(self, *args, username, role, **options):
        user = User.objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No member called {username!r}.")
        assign_role(user, role)
        self.stdout.write(f"{username} is now in the {ROLE_GROUPS[role]} group.")
