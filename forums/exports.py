"""What a member's data download holds from the forums."""


def export_forum_activity(user) -> dict:
    return {
        "posts": [
            {
                "thread": post.thread.title,
                "number": post.number,
                "body": post.body,
                "status": post.status,
                "created_at": post.created_at.isoformat(),
                "edited_at": post.edited_at.isoformat() if post.edited_at else None,
            }
            for post in user.forum_posts.select_related("thread").order_by("created_at")
        ],
        "threads_started": list(user.forum_threads.values_list("title", flat=True)),
        "watched_threads": list(user.watched_threads.values_list("thread__title", flat=True)),
        "watched_forums": list(user.watched_forums.values_list("forum__name", flat=True)),
        "reactions": list(user.forum_reactions.values("post_id", "kind")),
        "read_states": list(
            user.thread_read_states.values("thread__title", "last_read_number", "updated_at")
        ),
        "recovery_records": [
            {
                "procedure": record.article.title,
                "surgery_date": record.surgery_date.isoformat(),
                "is_public": record.is_public,
            }
            for record in user.recovery_records.select_related("article")
        ],
    }


def export(user) -> dict:
    return {"forums": export_forum_activity(user)}
