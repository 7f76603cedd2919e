from django import forms
from django.contrib import admin, messages
from django.contrib.admin.helpers import ActionForm
from django.db import transaction
from django.utils.translation import gettext, ngettext, ngettext_lazy
from django.utils.translation import gettext_lazy as _

from core.history_admin import HistoryAdmin
from core.roles import is_moderator
from forums import moderating, permissions
from forums.models import Forum, Post, Reaction, Thread
from moderation import services
from moderation.admin_actions import HideRestoreActions
from moderation.log_text import FROM_ADMIN, FROM_FORUM_PAGE


@admin.register(Forum)
class ForumAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position", "body_part", "members_only", "thread_count",
                    "post_count"]  # fmt: skip
    list_editable = ["position"]
    list_filter = ["body_part", "members_only"]
    search_fields = ["name", "description"]
    prepopulated_fields = {"slug": ["name"]}
    filter_horizontal = ["articles"]
    list_select_related = ["body_part"]
    readonly_fields = ["thread_count", "post_count"]
    actions = ["members_only_forums", "public_forums"]

    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)

    def save_model(self, request, obj, form, change):
        with transaction.atomic():
            super().save_model(request, obj, form, change)
            if change and "members_only" in form.changed_data:
                moderating.forum_audience_changed(obj, actor=request.user, params=FROM_FORUM_PAGE)

    def _set_audience(self, request, queryset, value: bool):
        changed = sum(
            moderating.set_forum_members_only(
                forum=forum, value=value, moderator=request.user, params=FROM_ADMIN
            )  # fmt: skip
            for forum in queryset
        )
        if value:
            done = ngettext(
                "%(count)d forum made members-only.", "%(count)d forums made members-only.",
                changed,
            )  # fmt: skip
        else:
            done = ngettext(
                "%(count)d forum made public.", "%(count)d forums made public.", changed
            )
        self.message_user(request, done % {"count": changed}, messages.SUCCESS)

    @admin.action(permissions=["moderate"], description=_("Make selected forums members-only"))
    def members_only_forums(self, request, queryset):
        self._set_audience(request, queryset, True)

    @admin.action(permissions=["moderate"], description=_("Make selected forums public"))
    def public_forums(self, request, queryset):
        self._set_audience(request, queryset, False)


class MoveActionForm(ActionForm):
    forum = forms.ModelChoiceField(
        queryset=Forum.objects.all(), required=False, label=_("Move to forum")
    )


# What the thread actions did: "count" is the number of threads.
LOCKED = ngettext_lazy("%(count)d thread locked.", "%(count)d threads locked.", "count")
UNLOCKED = ngettext_lazy("%(count)d thread unlocked.", "%(count)d threads unlocked.", "count")
PINNED = ngettext_lazy("%(count)d thread pinned.", "%(count)d threads pinned.", "count")
UNPINNED = ngettext_lazy("%(count)d thread unpinned.", "%(count)d threads unpinned.", "count")
MADE_MEMBERS_ONLY = ngettext_lazy(
    "%(count)d thread made members-only.", "%(count)d threads made members-only.", "count"
)
MADE_PUBLIC = ngettext_lazy(
    "%(count)d thread made public.", "%(count)d threads made public.", "count"
)


@admin.register(Thread)
class ThreadAdmin(HideRestoreActions, admin.ModelAdmin):
    list_display = ["title", "forum", "author", "status", "is_pinned", "is_locked",
                    "reply_count", "view_count", "last_post_at"]  # fmt: skip
    list_filter = ["status", "members_only", "is_pinned", "is_locked", "forum"]
    search_fields = ["title", "author__username"]
    date_hierarchy = "created_at"
    list_select_related = ["forum", "author"]
    raw_id_fields = ["article"]
    # Moves, flags and status change through the actions, so the log records them.
    readonly_fields = ["forum", "author", "status", "is_pinned", "is_locked", "members_only",
                       "title_public", "created_at", "moderated_by", "moderated_at",
                       "moderation_note"]  # fmt: skip
    fields = ["title", "article", *readonly_fields]
    action_form = MoveActionForm
    actions = ["lock_selected", "unlock_selected", "pin_selected", "unpin_selected",
               "hide_selected", "restore_selected", "move_selected", "members_only_selected",
               "public_selected"]  # fmt: skip

    def has_add_permission(self, request):
        return False  # threads start on the site, with their first post

    def _each(self, request, queryset, action, done):
        for thread in queryset.select_related("forum"):
            action(thread=thread, moderator=request.user, params=FROM_ADMIN)
        self._done(request, queryset.count(), done)

    def _done(self, request, count: int, done):
        self.message_user(request, done % {"count": count}, messages.SUCCESS)

    @admin.action(permissions=["moderate"], description=_("Lock selected threads"))
    def lock_selected(self, request, queryset):
        self._each(request, queryset, moderating.lock_thread, LOCKED)

    @admin.action(permissions=["moderate"], description=_("Unlock selected threads"))
    def unlock_selected(self, request, queryset):
        self._each(request, queryset, moderating.unlock_thread, UNLOCKED)

    @admin.action(permissions=["moderate"], description=_("Pin selected threads"))
    def pin_selected(self, request, queryset):
        self._each(request, queryset, moderating.pin_thread, PINNED)

    @admin.action(permissions=["moderate"], description=_("Unpin selected threads"))
    def unpin_selected(self, request, queryset):
        self._each(request, queryset, moderating.unpin_thread, UNPINNED)

    @admin.action(permissions=["moderate"], description=_("Move selected threads to the forum"))
    def move_selected(self, request, queryset):
        forum = Forum.objects.filter(pk=request.POST.get("forum") or None).first()
        if forum is None:
            self.message_user(request, gettext("Choose a forum to move to."), messages.ERROR)
            return
        for thread in queryset.select_related("forum"):
            moderating.move_thread(thread=thread, forum=forum, moderator=request.user)
        self.message_user(request, gettext("Moved to %(forum)s.") % {"forum": forum},
                          messages.SUCCESS)  # fmt: skip

    @admin.action(permissions=["moderate"], description=_("Make selected threads members-only"))
    def members_only_selected(self, request, queryset):
        done = sum(
            services.make_members_only(target=t, moderator=request.user, params=FROM_ADMIN)
            for t in queryset.select_related("forum")
            if permissions.can_make_members_only(request.user, t)
        )
        self._done(request, done, MADE_MEMBERS_ONLY)

    @admin.action(permissions=["moderate"], description=_("Make selected threads public"))
    def public_selected(self, request, queryset):
        done = sum(
            services.make_public(target=t, moderator=request.user, params=FROM_ADMIN)
            for t in queryset.select_related("forum")
            if permissions.can_make_public(request.user, t)
        )
        self._done(request, done, MADE_PUBLIC)


@admin.register(Post)
class PostAdmin(HideRestoreActions, HistoryAdmin):
    list_display = ["__str__", "author", "thread", "status", "created_at", "edited_at"]
    list_filter = ["status"]
    search_fields = ["body", "author__username", "thread__title"]
    date_hierarchy = "created_at"
    list_select_related = ["author", "thread"]
    readonly_fields = ["thread", "author", "number", "body", "status", "created_at",
                       "edited_at", "moderated_by", "moderated_at", "moderation_note",
                       "recovery_badge", "helpful_count", "support_count"]  # fmt: skip
    fields = readonly_fields

    @admin.display(description=_("recovery badge"))
    def recovery_badge(self, post: Post) -> str:
        return post.recovery_badge

    def has_add_permission(self, request):
        return False


@admin.register(Reaction)
class ReactionAdmin(admin.ModelAdmin):
    list_display = ["post", "user", "kind", "created_at"]
    list_filter = ["kind"]
    search_fields = ["user__username"]
    list_select_related = ["post", "user"]
    raw_id_fields = ["post", "user"]
