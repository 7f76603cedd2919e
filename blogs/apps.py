from django.apps import AppConfig

# Members' tags (taggit's model): moderators and editors rename, merge and delete them.
TAG_PERMISSIONS = ("taggit.view_tag", "taggit.change_tag", "taggit.delete_tag")


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = "Blogs"
    # Moderators read, hide and restore (admin actions); nobody edits members' words. Both
    # roles look after the tags (rename, merge, delete).
    moderator_permissions = (
        "blogs.view_blog",
        "blogs.view_blogpost",
        "blogs.view_comment",
        *TAG_PERMISSIONS,
    )
    editor_permissions = TAG_PERMISSIONS
