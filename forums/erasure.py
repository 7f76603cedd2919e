"""What deleting an account removes from the forums (accounts.data_rights.delete_account)."""

from django.db.models import Q

from core.erasing import REMOVED_TEXT, purge_history, replace_text
from forums.models import ForumWatch, Post, Reaction, RecoveryRecord, Thread, ThreadReadState

HAS_RECOVERY_BADGE = Q(recovery_day__isnull=False) | ~Q(recovery_sentence="")
NO_RECOVERY_BADGE = {
    "recovery_article": None, "recovery_procedure": "", "recovery_day": None,
    "recovery_sentence": "",
}  # fmt: skip


def erase(user, *, erase_text: bool) -> None:
    RecoveryRecord.objects.filter(user=user).delete()
    for posts in (Post.objects.filter(author=user), Post.history.filter(author=user)):
        posts.filter(HAS_RECOVERY_BADGE).update(**NO_RECOVERY_BADGE)
    # Reactions go; the counts on the posts stay (others saw them).
    Reaction.objects.filter(user=user).delete()
    user.watched_threads.all().delete()
    ForumWatch.objects.filter(user=user).delete()
    ThreadReadState.objects.filter(user=user).delete()
    if erase_text:
        replace_text(Thread.objects.filter(author=user), title=REMOVED_TEXT.capitalize())
        ids = replace_text(Post.objects.filter(author=user), body=REMOVED_TEXT)
        purge_history(Post, ids)
