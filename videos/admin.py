from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from core.history_admin import HistoryAdmin
from videos.models import Chapter, Video


class ChapterInline(admin.TabularInline):
    model = Chapter
    fields = ["start", "title"]
    extra = 1


@admin.register(Video)
class VideoAdmin(HistoryAdmin):
    list_display = ["title", "source", "status", "is_featured", "featured_order", "has_transcript",
                    "published_at", "preview"]  # fmt: skip
    list_filter = ["status", "is_featured", "provider", "is_demo"]
    list_editable = ["featured_order"]
    search_fields = ["title", "summary", "transcript"]
    list_select_related = True
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["related_articles"]
    inlines = [ChapterInline]
    readonly_fields = ["provider", "provider_video_id", "published_at", "created_at",
                       "updated_at", "preview"]  # fmt: skip
    actions = ["publish_selected", "unpublish_selected"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "summary", "status", "is_demo", "preview"]}),
        (gettext_lazy("Source"), {"fields": ["source_url", ("provider", "provider_video_id"), "video_file",
                               "duration"]}),
        (gettext_lazy("Poster"), {"fields": ["poster", "poster_alt"]}),
        (gettext_lazy("Accessibility"), {"fields": ["transcript", "captions"]}),
        (gettext_lazy("Placement"), {"fields": ["related_articles", "is_featured", "featured_order"]}),
        (gettext_lazy("Dates"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.display(description=gettext_lazy("source"))
    def source(self, video):
        return video.provider_name or _("Uploaded file")

    @admin.display(boolean=True, description=gettext_lazy("transcript"))
    def has_transcript(self, video):
        return bool(video.transcript.strip())

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, video):
        if not video.pk:
            return _("Save first to preview.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            video.get_absolute_url(),
            _("View on site"),
        )

    @admin.action(description=gettext_lazy("Publish the selected videos"), permissions=["change"])
    def publish_selected(self, request, queryset):
        published, refused = 0, []
        for video in queryset:
            try:
                video.publish()
                published += 1
            except ValidationError:
                refused.append(video.title)
        if published:
            messages.success(
                request,
                ngettext("Published %(count)d video.", "Published %(count)d videos.", published)
                % {"count": published},
            )
        if refused:
            messages.error(
                request,
                _("Not published, a transcript is needed first: %(titles)s")
                % {"titles": ", ".join(refused)},
            )

    @admin.action(
        description=gettext_lazy("Return the selected videos to draft"), permissions=["change"]
    )
    def unpublish_selected(self, request, queryset):
        for video in queryset:
            video.unpublish()
        count = queryset.count()
        messages.success(
            request,
            ngettext(
                "%(count)d video returned to draft.", "%(count)d videos returned to draft.", count
            )
            % {"count": count},
        )
