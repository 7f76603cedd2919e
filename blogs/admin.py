"""The moderators' view of blogs: read, hide and restore. Nobody edits members' words here."""

from django.contrib import admin, messages
from django.db.models import Count
from taggit.models import Tag

from blogs import permissions
from blogs.models import Blog, BlogPost, Comment
from blogs.tagging import merge_tags
from core.history_admin import HistoryAdmin
from core.roles import is_moderator


class ModerateActionsMixin:
    """Hide/restore actions that loop over the rows and call the model methods."""

    actions = ["hide_selected", "restore_selected"]
    can_hide = None
    can_restore = None

    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)

    def has_add_permission(self, request) -> bool:
        return False

    @admin.action(description="Hide the selected items", permissions=["moderate"])
    def hide_selected(self, request, queryset):
        done = [obj for obj in queryset if type(self).can_hide(request.user, obj)]
        for obj in done:
            obj.hide(by=request.user, note="Hidden from the admin.")
        messages.success(request, f"{len(done)} hidden.")

    @admin.action(description="Restore the selected items", permissions=["moderate"])
    def restore_selected(self, request, queryset):
        done = [obj for obj in queryset if type(self).can_restore(request.user, obj)]
        for obj in done:
            obj.restore(by=request.user)
        messages.success(request, f"{len(done)} restored.")


@admin.register(Blog)
class BlogAdmin(admin.ModelAdmin):
    list_display = ["display_title", "owner", "created_at"]
    search_fields = ["title", "owner__username"]
    list_select_related = ["owner"]
    readonly_fields = ["owner", "created_at"]
    fields = ["owner", "title", "description", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False


AUDIT_FIELDS = ["status", "moderated_by", "moderated_at", "moderation_note"]


@admin.register(BlogPost)
class BlogPostAdmin(ModerateActionsMixin, HistoryAdmin):
    can_hide = staticmethod(permissions.can_hide_post)
    can_restore = staticmethod(permissions.can_restore_post)
    list_display = ["title", "author", "publication", "published_at", "status", "comment_count"]
    list_filter = ["status", "publication", "comments_enabled"]
    search_fields = ["title", "body", "author__username"]
    list_select_related = ["author"]
    date_hierarchy = "published_at"
    readonly_fields = [
        "title", "author", "blog", "body", "cover", "cover_alt", "article", "publication",
        "published_at", "comments_enabled", "comment_count", "created_at", "updated_at",
        *AUDIT_FIELDS,
    ]  # fmt: skip
    fields = readonly_fields


@admin.register(Comment)
class CommentAdmin(ModerateActionsMixin, HistoryAdmin):
    can_hide = staticmethod(permissions.can_hide_comment)
    can_restore = staticmethod(permissions.can_restore_comment)
    list_display = ["__str__", "author", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["body", "author__username", "post__title"]
    list_select_related = ["author", "post"]
    date_hierarchy = "created_at"
    readonly_fields = ["post", "author", "parent", "body", "created_at", "updated_at",
                       *AUDIT_FIELDS]  # fmt: skip
    fields = readonly_fields


admin.site.unregister(Tag)


@admin.register(Tag)
class TagAdmin(admin.ModelAdmin):
    """Members' tags, tidied by moderators and editors: rename one (its change form), delete
    one, or merge several into the most used of them."""

    list_display = ["name", "slug", "uses"]
    search_fields = ["name", "slug"]
    ordering = ["name"]
    fields = ["name", "slug"]
    actions = ["merge_selected"]

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(uses=Count("blog_posts"))

    @admin.display(description="posts", ordering="uses")
    def uses(self, tag) -> int:
        return tag.uses

    @admin.action(
        description="Merge the selected tags into the most used one",
        permissions=["change", "delete"],
    )
    def merge_selected(self, request, queryset):
        tags = list(queryset)
        if len(tags) < 2:
            messages.warning(request, "Select at least two tags to merge.")
            return
        kept = merge_tags(tags)
        messages.success(request, f"{len(tags) - 1} tags merged into “{kept}”.")
