from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html

from articles.forms import IllustrationForm
from articles.models import (
    Article,
    ArticleFeedback,
    BodyPart,
    CareInstruction,
    Illustration,
    WarningSign,
)
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


class IllustrationInline(admin.StackedInline):
    model = Illustration
    form = IllustrationForm
    fields = [("section", "position"), "image", "alt_text", "caption"]
    extra = 0


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
    inlines = [CareInstructionInline, WarningSignInline, IllustrationInline]
    readonly_fields = ["published_at", "created_at", "updated_at", "preview", "reader_feedback"]
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
        ("Readers", {"fields": ["reader_feedback"]}),
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

    @admin.display(description="was this page helpful?")
    def reader_feedback(self, article):
        """Yes and no counts, linked to the answers (with their comments) for this article."""
        if not article.pk:
            return "No answers yet."
        counts = article.feedback.aggregate(
            yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
        )
        url = (
            reverse("admin:articles_articlefeedback_changelist")
            + f"?article__id__exact={article.pk}"
        )
        return format_html(
            '{} yes, {} no. <a href="{}">Read the answers and comments</a>',
            counts["yes"], counts["no"], url,
        )  # fmt: skip

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


@admin.register(ArticleFeedback)
class ArticleFeedbackAdmin(admin.ModelAdmin):
    """Readers' answers, read-only: editors read them per article and delete spam."""

    list_display = ["created_at", "article", "helpful", "comment"]
    list_filter = ["helpful", ("article", admin.RelatedOnlyFieldListFilter)]
    search_fields = ["comment", "article__title"]
    list_select_related = ["article"]
    date_hierarchy = "created_at"
    fields = ["article", "helpful", "comment", "created_at"]
    readonly_fields = fields

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def changelist_view(self, request, extra_context=None):
        """Above the list: the yes/no counts of what it shows (filtered to one article,
        those of that article)."""
        response = super().changelist_view(request, extra_context)
        changelist = getattr(response, "context_data", {}).get("cl")
        if changelist is not None:
            response.context_data["feedback_counts"] = changelist.queryset.aggregate(
                yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
            )
        return response
