from django.conf import settings
from django.contrib import admin, messages
from django.db.models import Count, Q
from django.urls import reverse
from django.utils import timezone
from django.utils.html import format_html, format_html_join
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from articles.forms import IllustrationForm
from articles.models import (
    Article,
    ArticleFeedback,
    BodyPart,
    CareInstruction,
    Illustration,
    WarningSign,
)
from articles.translating import draft_translation
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
    title = gettext_lazy("review")
    parameter_name = "review"

    def lookups(self, request, model_admin):
        return [("overdue", _("Review overdue")), ("current", _("Review up to date"))]

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
        "title", "language", "body_part", "status", "last_reviewed_on", "next_review_due_on", "review_current",
        "is_featured", "preview",
    ]  # fmt: skip
    list_filter = ["status", "language", ReviewOverdueFilter, "body_part", "is_featured", "is_demo"]
    search_fields = ["title", "other_names", "summary"]
    list_select_related = ["body_part"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["reviewer", "translation_of"]
    inlines = [CareInstructionInline, WarningSignInline, IllustrationInline]
    readonly_fields = ["published_at", "created_at", "updated_at", "preview", "reader_feedback",
                       "translations"]  # fmt: skip
    actions = ["publish_selected", "unpublish_selected", "translate_selected"]
    date_hierarchy = "published_at"
    fieldsets = [
        (None, {"fields": ["title", "slug", "body_part", "other_names", "specialist", "status",
                           "is_featured", "is_demo", "preview"]}),
        (gettext_lazy("Language"), {"fields": ["language", "translation_of", "translations"]}),
        (gettext_lazy("The procedure"), {"fields": ["summary", "why_done", "description"]}),
        (gettext_lazy("Stay and recovery"), {"fields": [
            ("hospital_stay_min_days", "hospital_stay_max_days"),
            ("home_recovery_min_weeks", "home_recovery_max_weeks"), "home_recovery_note",
            "restrictions", ("restriction_min_months", "restriction_max_months")]}),
        (gettext_lazy("Risks and medicines"), {"fields": ["risks", "medicines", "sources"]}),
        (gettext_lazy("Medical review"), {"fields": [
            "reviewer", "reviewer_name", "reviewer_credentials",
            ("last_reviewed_on", "next_review_due_on")]}),
        (gettext_lazy("Readers"), {"fields": ["reader_feedback"]}),
        (gettext_lazy("Dates"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.display(boolean=True, description=gettext_lazy("review up to date"))
    def review_current(self, article):
        """A green tick when the review is current, the red cross (the warning) when overdue."""
        return not article.is_review_overdue

    @admin.display(description=gettext_lazy("preview"))
    def preview(self, article):
        if not article.pk:
            return _("Save first to preview.")
        return format_html(
            '<a href="{}" target="_blank" rel="noopener">{}</a>',
            article.canonical_url(),
            _("View on site"),
        )

    @admin.display(description=gettext_lazy("versions in other languages"))
    def translations(self, article):
        """The original and the other translations, each linked to its own admin page."""
        if not article.pk:
            return "-"
        others = article.family().exclude(pk=article.pk).order_by("language")
        if not others:
            return _("None yet: use the action “Create draft translations” in the list.")
        return format_html_join(
            ", ",
            '<a href="{}">{} ({})</a>',
            (
                (reverse("admin:articles_article_change", args=[other.pk]), other.title,
                 other.get_language_display())
                for other in others
            ),
        )  # fmt: skip

    @admin.display(description=gettext_lazy("was this page helpful?"))
    def reader_feedback(self, article):
        """Yes and no counts, linked to the answers (with their comments) for this article."""
        if not article.pk:
            return _("No answers yet.")
        counts = article.feedback.aggregate(
            yes=Count("pk", filter=Q(helpful=True)), no=Count("pk", filter=Q(helpful=False))
        )
        url = (
            reverse("admin:articles_articlefeedback_changelist")
            + f"?article__id__exact={article.pk}"
        )
        return format_html(
            '{} <a href="{}">{}</a>',
            _("%(yes)s yes, %(no)s no.") % counts, url, _("Read the answers and comments"),
        )  # fmt: skip

    @admin.action(description=gettext_lazy("Publish the selected articles"), permissions=["change"])
    def publish_selected(self, request, queryset):
        for article in queryset:
            article.publish()
        count = queryset.count()
        messages.success(
            request,
            ngettext("Published %(count)d article.", "Published %(count)d articles.", count)
            % {"count": count},
        )

    @admin.action(
        description=gettext_lazy("Return the selected articles to draft"), permissions=["change"]
    )
    def unpublish_selected(self, request, queryset):
        for article in queryset:
            article.status = Article.Status.DRAFT
            article.save()
        count = queryset.count()
        messages.success(
            request,
            ngettext(
                "%(count)d article returned to draft.",
                "%(count)d articles returned to draft.",
                count,
            )
            % {"count": count},
        )

    @admin.action(
        description=gettext_lazy("Create draft translations (every language still missing)"),
        permissions=["add"],
    )
    def translate_selected(self, request, queryset):
        """A draft copy in each language the article's group does not have yet, for the
        translator to rewrite and a reviewer to check before it is published."""
        created = [
            copy
            for article in queryset
            for code, _name in settings.LANGUAGES
            if (copy := draft_translation(article, code)) is not None
        ]
        if not created:
            messages.info(request, _("Every selected article already has all its translations."))
            return
        messages.success(
            request,
            ngettext(
                "Created %(count)d draft translation: rewrite it in its language, then have it "
                "reviewed before publishing.",
                "Created %(count)d draft translations: rewrite each in its language, then have "
                "them reviewed before publishing.",
                len(created),
            )
            % {"count": len(created)},
        )


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
