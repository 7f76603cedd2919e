from django.apps import AppConfig

# Members' tags (taggit's model): moderators and editors rename, merge and delete them.
TAG_PERMISSIONS = ("taggit.view_tag", "taggit.change_tag", "taggit.delete_tag")


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = "Blogs"
    moderator_permissions = (
        "blogs.view_blog",
        "blogs.view_blogpost",
        "blogs.change_blogpost",
        "blogs.view_comment",
        "blogs.change_comment",
        *TAG_PERMISSIONS,
    )
    editor_permissions = ("blogs.view_blogpost", *TAG_PERMISSIONS)
