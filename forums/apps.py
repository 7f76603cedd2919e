from django.apps import AppConfig

# Members' recovery records are private: not even moderators browse them (least privilege).
CONTENT_MODELS = ("forum", "thread", "post", "reaction")


class ForumsConfig(AppConfig):
    name = "forums"
    verbose_name = "Forums"
    moderator_permissions = (
        *(f"forums.view_{model}" for model in CONTENT_MODELS),
        "forums.change_thread",  # a thread's title and procedure; flags go through actions
    )
    editor_permissions = ("forums.view_forum", "forums.add_forum", "forums.change_forum")
