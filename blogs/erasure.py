"""What deleting an account removes from the blogs (accounts.data_rights.delete_account)."""

from blogs.models import Blog, BlogPost, Comment
from core.erasing import REMOVED_TEXT, delete_files_after_commit, purge_history, replace_text


def erase(user, *, erase_text: bool) -> None:
    posts = BlogPost.objects.filter(author=user)
    delete_files_after_commit(post.cover for post in posts.exclude(cover=""))
    posts.exclude(cover="").update(cover="", cover_alt="")
    BlogPost.history.filter(author=user).exclude(cover="").update(cover="", cover_alt="")
    drafts = list(posts.filter(publication=BlogPost.Publication.DRAFT).values_list("pk", flat=True))
    for draft in BlogPost.objects.filter(pk__in=drafts):
        draft.delete()  # drafts and autosaves: never public, so nothing of them stays
    purge_history(BlogPost, drafts)
    Blog.objects.filter(owner=user).update(title="", description="")
    if erase_text:
        ids = replace_text(posts, title=REMOVED_TEXT.capitalize(), body=REMOVED_TEXT)
        purge_history(BlogPost, ids)
        ids = replace_text(Comment.objects.filter(author=user), body=REMOVED_TEXT)
        purge_history(Comment, ids)
