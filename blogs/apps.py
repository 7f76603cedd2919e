from django.apps import AppConfig


class BlogsConfig(AppConfig):
    name = "blogs"
    verbose_name = "Blogs"
    # Moderators read, hide and restore (admin actions); nobody edits members' words.
    moderator_permissions = ("blogs.view_blog", "blogs.view_blogpost", "blogs.view_comment")
