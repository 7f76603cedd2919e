from django.apps import AppConfig


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = "Blogs"
    moderator_permissions = (
        "blogs.view_blog",
        "blogs.view_blogpost",
        "blogs.change_blogpost",
        "blogs.view_comment",
        "blogs.change_comment",
    )
    editor_permissions = ("blogs.view_blogpost",)
