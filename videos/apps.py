from django.apps import AppConfig


class VideosConfig(AppConfig):
    name = "videos"
    verbose_name = "Featured videos"
    # Editors manage videos in the admin (deleting a chapter row is part of editing a
    # video's chapters); moderators may look.
    editor_permissions = (
        "videos.view_video", "videos.add_video", "videos.change_video",
        "videos.view_chapter", "videos.add_chapter", "videos.change_chapter",
        "videos.delete_chapter",
    )  # fmt: skip
    moderator_permissions = ("videos.view_video", "videos.view_chapter")
