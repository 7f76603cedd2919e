"""What the Editors and Moderators groups may do with this app's models (read by
`accounts.groups`, like every app's `groups.py`)."""

# Members' recovery records are private: not even moderators browse them (least privilege).
CONTENT_MODELS = ("forum", "thread", "post", "reaction")


MODERATOR_PERMISSIONS = (
    *(f"forums.view_{model}" for model in CONTENT_MODELS),
    "forums.change_thread",  # a thread's title and procedure; flags go through actions
)

EDITOR_PERMISSIONS = ("forums.view_forum", "forums.add_forum", "forums.change_forum")
