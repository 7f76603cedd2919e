"""What deleting an account removes from the forums (accounts.data_rights.delete_account)."""

from core.erasing import REMOVED_TEXT, purge_history, replace_text
from forums.models import ForumWatch, Post, Reaction, RecoveryRecord, Thread, ThreadReadState


def erase(user, *, erase_text: bool) -> None:
    RecoveryRecord.objects.filter(user=user).delete()
    Post.objects.filter(author=user).exclude(recovery_badge="").update(recovery_badge="")
    Post.history.filter(author=user).exclude(recovery_badge="").update(recovery_badge="")
    # Reactions go; the counts on the posts stay (others saw them).
    Reaction.objects.filter(user=user).delete()
    user.watched_threads.all().delete()
    ForumWatch.objects.filter(user=user).delete()
    ThreadReadState.objects.filter(user=user).delete()
    if erase_text:
        replace_text(Thread.objects.filter(author=user), title=REMOVED_TEXT.capitalize())
        ids = replace_text(Post.objects.filter(author=user), body=REMOVED_TEXT)
        purge_history(Post, ids)
