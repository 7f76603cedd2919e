"""Who may do what with videos. Editors manage them in the admin; everyone watches."""


def can_view_unpublished_videos(user) -> bool:
    """Editors and moderators (their admin view permission) also see drafts on the site."""
    return bool(user.is_authenticated and user.has_perm("videos.view_video"))


def can_edit_video(user, video) -> bool:
    return bool(user.is_authenticated and user.has_perm("videos.change_video"))
