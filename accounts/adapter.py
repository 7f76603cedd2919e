"""allauth hooks: how sign-up judges a pseudonym."""

from allauth.account.adapter import DefaultAccountAdapter
from django.core.exceptions import ValidationError

from accounts.models import User
from accounts.validators import skeleton, skeleton_expression


class AccountAdapter(DefaultAccountAdapter):
    def clean_username(self, username: str, shallow: bool = False) -> str:
        username = super().clean_username(username, shallow=shallow)
        if not shallow and looks_like_an_existing_username(username):
            raise ValidationError(
                "That pseudonym is too close to an existing one. Please choose another.",
                code="lookalike",
            )
        return username


def looks_like_an_existing_username(username: str) -> bool:
    """One query: any member whose name folds to the same skeleton ("Dem0_moderator")."""
    return (
        User.objects.alias(folded=skeleton_expression()).filter(folded=skeleton(username)).exists()
    )
