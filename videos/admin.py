from django.contrib import admin, messages
from django.core.exceptions import ValidationError
from django.utils.html import format_html

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
        ("Source", {"fields": ["source_url", ("provider", "provider_video_id"), "video_file",
                               "duration"]}),
        ("Poster", {"fields": ["poster", "poster_alt"]}),
        ("Accessibility", {"fields": ["transcript", "captions"]}),
        ("Placement", {"fields": ["related_articles", "is_featured", "featured_order"]}),
        ("Dates", {"fields": ["published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.display(description="source")
    def source(self, video):
        return video.provider_name or "Uploaded file"

    @admin.display(boolean=True, description="transcript")
    def has_transcript(self, video):
        return bool(video.transcript.strip())

    @admin.display(description="preview")
    def preview(self, video):
        if not video.pk:
            return "Save first to preview."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">View on site</a>',
            video.get_absolute_url(),
        )

    @admin.action(description="Publish the selected videos", permissions=["change"])
    def publish_selected(self, request, queryset):
        published, refused = 0, []
        for video in queryset:
            try:
                video.publish()
                published += 1
            except ValidationError:
                refused.append(video.title)
        if published:
            messages.success(request, f"Published {published} video(s).")
        if refused:
            messages.error(
                request, "Not published, a transcript is needed first: " + ", ".join(refused)
            )

    @admin.action(description="Return the selected videos to draft", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for video in queryset:
            video.unpublish()
        messages.success(request, f"{queryset.count()} video(s) returned to draft.")
