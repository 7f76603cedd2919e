"""Who may do what with videos. Editors manage them in the admin; everyone watches."""

from core.roles import has_staff_permission


def can_view_unpublished_videos(user) -> bool:
    """Editors and moderators (their admin view permission) also see drafts on the site."""
    return has_staff_permission(user, "videos.view_video")


def can_edit_video(user, video) -> bool:
    return has_staff_permission(user, "videos.change_video")
