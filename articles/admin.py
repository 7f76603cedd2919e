from django.contrib import admin, messages
from django.utils import timezone
from django.utils.html import format_html

from articles.models import Article, BodyPart, CareInstruction, WarningSign
from core.history_admin import HistoryAdmin


@admin.register(BodyPart)
class BodyPartAdmin(admin.ModelAdmin):
    list_display = ["name", "slug", "position"]
    list_editable = ["position"]
    prepopulated_fields = {"slug": ["name"]}
    search_fields = ["name"]


class CareInstructionInline(admin.TabularInline):
    model = CareInstruction
    fields = ["position", "text"]
    extra = 1


class WarningSignInline(admin.TabularInline):
    model = WarningSign
    fields = ["position", "text", "keywords"]
    extra = 1


class ReviewOverdueFilter(admin.SimpleListFilter):
    title = "review"
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", "Review overdue"), ("current", "Review up to date")]

    def queryset(self, request, queryset):
        today = timezone.localdate()
        if self.value() == "overdue":
            return queryset.review_overdue(today)
        if self.value() == "current":
            return queryset.exclude(next_review_due_on__lt=today)
        return queryset


@admin.register(Article)
class ArticleAdmin(HistoryAdmin):
    list_display = [
        "title", "body_part", "status", "last_reviewed_on", "next_review_due_on", "review_current",
        "is_featured", "preview",
    ]  # fmt: skip
    list_filter = ["status", ReviewOverdueFilter, "body_part", "is_featured", "is_demo"]
    search_fields = ["title", "other_names", "summary"]
    list_select_related = ["body_part"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["reviewer"]
    inlines = [CareInstructionInline, WarningSignInline]
    readonly_fields = ["published_at", "created_at", "updated_at", "preview"]
    actions = ["publish_selected", "unpublish_selected"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "body_part", "other_names", "specialist", "status",
                           "is_featured", "is_demo", "preview"]}),
        ("The procedure", {"fields": ["summary", "why_done", "description"]}),
        ("Stay and recovery", {"fields": [
            ("hospital_stay_min_days", "hospital_stay_max_days"),
            ("home_recovery_min_weeks", "home_recovery_max_weeks"), "home_recovery_note",
            "restrictions", ("restriction_min_months", "restriction_max_months")]}),
        ("Risks and medicines", {"fields": ["risks", "medicines", "sources"]}),
        ("Medical review", {"fields": ["reviewer", "reviewer_name", "reviewer_credentials",
                                       ("last_reviewed_on", "next_review_due_on")]}),
        ("Dates", {"fields": ["published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.display(boolean=True, description="review up to date")
    def review_current(self, article):
        """A green tick when the review is current, the red cross (the warning) when overdue."""
        return not article.is_review_overdue

    @admin.display(description="preview")
    def preview(self, article):
        if not article.pk:
            return "Save first to preview."
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">View on site</a>',
            article.get_absolute_url(),
        )

    @admin.action(description="Publish the selected articles", permissions=["change"])
    def publish_selected(self, request, queryset):
        for article in queryset:
            article.publish()
        messages.success(request, f"Published {queryset.count()} article(s).")

    @admin.action(description="Return the selected articles to draft", permissions=["change"])
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            article.status = Article.Status.DRAFT
            article.save()
        messages.success(request, f"{queryset.count()} article(s) returned to draft.")
