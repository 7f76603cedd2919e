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

    def ready(self):
        from accounts.data_rights import register_exporter
        from blogs.export import export_blog_comments, export_blog_posts

        register_exporter("blog_posts", export_blog_posts)
        register_exporter("blog_comments", export_blog_comments)
