"""What deleting an account removes of the composers' shared data (accounts.data_rights)."""

from core.composing import delete_images_after_commit
from core.models import Draft, MemberImage


def erase(user, *, erase_text: bool) -> None:
    # The member's images are their files: gone from storage (after commit) whether or not
    # the text is erased; a post that showed one keeps only its alt text.
    images = MemberImage.objects.filter(owner=user)
    delete_images_after_commit(images)
    images.delete()
    Draft.objects.filter(user=user).delete()
