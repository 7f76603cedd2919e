"""The moderators' view of blogs: read, hide and restore. Nobody edits members' words here."""

from django.contrib import admin, messages
from django.db.models import Count
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag

from blogs.models import Blog, BlogPost, Comment
from blogs.tagging import merge_tags
from core.history_admin import HistoryAdmin
from moderation.admin_actions import HideRestoreActions


@admin.register(Blog)
class BlogAdmin(admin.ModelAdmin):
    list_display = ["title_shown", "owner", "created_at"]
    search_fields = ["title", "owner__username"]
    list_select_related = ["owner"]
    readonly_fields = ["owner", "created_at"]
    fields = ["owner", "title", "description", "created_at"]

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=_("title"))
    def title_shown(self, blog) -> str:
        return blog.display_title


AUDIT_FIELDS = ["status", "moderated_by", "moderated_at", "moderation_note"]


@admin.register(BlogPost)
class BlogPostAdmin(HideRestoreActions, HistoryAdmin):
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

    def has_add_permission(self, request) -> bool:
        return False

    def get_queryset(self, request):
        # An autosave is text being typed, not a post: not even staff read it.
        return super().get_queryset(request).exclude(is_autosave=True)


@admin.register(Comment)
class CommentAdmin(HideRestoreActions, HistoryAdmin):
    list_display = ["__str__", "author", "created_at", "status"]
    list_filter = ["status"]
    search_fields = ["body", "author__username", "post__title"]
    list_select_related = ["author", "post"]
    date_hierarchy = "created_at"
    readonly_fields = ["post", "author", "parent", "body", "created_at", "updated_at",
                       *AUDIT_FIELDS]  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False


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

    @admin.display(description=_("posts"), ordering="uses")
    def uses(self, tag) -> int:
        return tag.uses

    @admin.action(
        description=_("Merge the selected tags into the most used one"),
        permissions=["change", "delete"],
    )
    def merge_selected(self, request, queryset):
        tags = list(queryset)
        if len(tags) < 2:
            messages.warning(request, gettext("Select at least two tags to merge."))
            return
        kept = merge_tags(tags)
        merged = len(tags) - 1
        messages.success(
            request,
            ngettext(
                "%(count)d tag merged into “%(kept)s”.", "%(count)d tags merged into “%(kept)s”.",
                merged,
            ) % {"count": merged, "kept": kept},
        )  # fmt: skip
