from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.template.response import TemplateResponse
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from core.history_admin import HistoryAdmin
from core.models import SitePage
from core.roles import is_moderator
from heroes.models import Hero, HeroPolicy, Nomination
from heroes.policy import POLICY_SLUG
from heroes.review import ReviewError, approve_nomination, mark_duplicate, reject_nomination
from moderation import services
from moderation.log_text import FROM_NOMINATION_QUEUE


@admin.register(Hero)
class HeroAdmin(HistoryAdmin):
    list_display = ["display_name", "specialty", "city", "status", "is_featured", "account",
                    "published_at"]  # fmt: skip
    list_filter = ["status", "is_featured", "body_part"]
    search_fields = ["name", "specialty", "practice", "city"]
    list_select_related = ["account", "body_part"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["account", "procedures"]
    readonly_fields = ["published_at", "created_at", "updated_at"]
    date_hierarchy = "published_at"
    actions = ["publish_selected", "unpublish_selected"]
    fieldsets = [
        (None, {"fields": [("honorific", "name"), "slug", "status", "is_featured"]}),
        (gettext_lazy("Practice"), {"fields": ["specialty", "practice", ("city", "country"), "body_part",
                                 "procedures"]}),
        (gettext_lazy("Profile"), {"fields": ["photo", "photo_alt", "bio", "featured_title", "featured_url",
                                "account"]}),
        (gettext_lazy("Dates"), {"fields": ["published_at", "created_at", "updated_at"]}),
    ]  # fmt: skip

    @admin.action(description=gettext_lazy("Publish the selected heroes"), permissions=["change"])
    def publish_selected(self, request, queryset):
        for hero in queryset:
            hero.publish()
        messages.success(request, _("Published."))

    @admin.action(
        description=gettext_lazy("Unpublish the selected heroes (e.g. the surgeon asked)"),
        permissions=["change"],
    )
    def unpublish_selected(self, request, queryset):
        for hero in queryset:
            hero.unpublish()
        messages.success(request, _("Unpublished: the pages now answer 404 to the public."))


class DecisionFilter(admin.SimpleListFilter):
    """The queue: pending nominations unless another status is picked."""

    title = gettext_lazy("status")
    parameter_name = "decision"

    def lookups(self, request, model_admin):
        return [(None, _("Waiting for review")), *Nomination.Status.choices[1:], ("all", _("All"))]

    def choices(self, changelist):
        for value, label in self.lookup_choices:
            yield {
                "selected": self.value() == value,
                "query_string": changelist.get_query_string(
                    {self.parameter_name: value} if value else {}, [self.parameter_name]
                ),
                "display": label,
            }

    def queryset(self, request, queryset):
        value = self.value()
        if value == "all":
            return queryset
        return queryset.filter(status=value or Nomination.Status.PENDING)


class RejectForm(forms.Form):
    reason = forms.CharField(
        label=gettext_lazy("Reason"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=gettext_lazy("Sent to the nominator and kept in the moderation log."),
    )


class ApproveForm(forms.Form):
    hero = forms.ModelChoiceField(
        Hero.objects.order_by("name"),
        required=False,
        label=gettext_lazy("Hero"),
        help_text=gettext_lazy(
            "Leave empty to use the nominated hero, or a hero with the same name, or "
            "to create a new draft hero from the nomination."
        ),
    )
    publish = forms.BooleanField(
        required=False,
        initial=False,
        label=gettext_lazy("Publish"),
        help_text=gettext_lazy(
            "Publish the hero page now. Leave unticked to keep a new hero page as a draft "
            "(e.g. until the surgeon has agreed)."
        ),
    )


class DuplicateForm(forms.Form):
    duplicate_of = forms.ModelChoiceField(
        Nomination.objects.none(),
        label=gettext_lazy("Duplicate of"),
        help_text=gettext_lazy("The earlier nomination this one repeats."),
    )

    def __init__(self, *args, nominations, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["duplicate_of"].queryset = Nomination.objects.exclude(
            pk__in=[n.pk for n in nominations]
        ).select_related("hero", "nominator")


@admin.register(Nomination)
class NominationAdmin(admin.ModelAdmin):
    list_display = ["nominee", "nominator", "relationship", "procedure", "story_may_be_shown",
                    "decision", "created_at"]  # fmt: skip
    list_filter = [DecisionFilter, "relationship", "may_publish_story"]
    search_fields = ["surgeon_name", "hero__name", "nominator__username", "story",
                     "surgeon_practice", "surgeon_city"]  # fmt: skip
    list_select_related = ["nominator", "hero", "procedure"]
    date_hierarchy = "created_at"
    actions = ["approve", "reject", "mark_as_duplicate", "hide_story", "restore_story"]
    readonly_fields = [
        "nominator", "hero", "surgeon_name", "surgeon_specialty", "surgeon_practice",
        "surgeon_city", "relationship", "procedure", "story_preview", "may_publish_story",
        "consent_to_policy", "is_story_hidden", "status", "created_at", "decided_by", "decided_at",
        "decision_reason", "duplicate_of",
    ]  # fmt: skip
    fields = readonly_fields

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)

    @admin.display(description=gettext_lazy("nominee"), ordering="surgeon_name")
    def nominee(self, nomination):
        return nomination.nominee_name

    @admin.display(description=gettext_lazy("nominator lets us publish the story"), boolean=True,
                   ordering="may_publish_story")  # fmt: skip
    def story_may_be_shown(self, nomination):
        return nomination.may_publish_story

    @admin.display(description=gettext_lazy("decision"), ordering="status")
    def decision(self, nomination):
        return nomination.get_status_display()

    @admin.display(description=gettext_lazy("story"))
    def story_preview(self, nomination):
        return format_html('<div class="readonly">{}</div>', nomination.story)

    @admin.action(
        description=gettext_lazy("Approve (create or link the hero)"), permissions=["moderate"]
    )
    def approve(self, request, queryset):
        form = ApproveForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._decision_page(request, queryset, form, _("Approve nominations"))
        for nomination in queryset:
            self._run(request, approve_nomination, nomination=nomination,
                      hero=form.cleaned_data["hero"], publish=form.cleaned_data["publish"])  # fmt: skip

    @admin.action(description=gettext_lazy("Reject (with a reason)"), permissions=["moderate"])
    def reject(self, request, queryset):
        form = RejectForm(request.POST if "apply" in request.POST else None)
        if not form.is_valid():
            return self._decision_page(request, queryset, form, _("Reject nominations"))
        for nomination in queryset:
            self._run(request, reject_nomination, nomination=nomination,
                      reason=form.cleaned_data["reason"])  # fmt: skip

    @admin.action(description=gettext_lazy("Mark as duplicate"), permissions=["moderate"])
    def mark_as_duplicate(self, request, queryset):
        data = request.POST if "apply" in request.POST else None
        form = DuplicateForm(data, nominations=list(queryset))
        if not form.is_valid():
            return self._decision_page(request, queryset, form, _("Mark nominations as duplicates"))
        for nomination in queryset:
            self._run(request, mark_duplicate, nomination=nomination,
                      duplicate_of=form.cleaned_data["duplicate_of"])  # fmt: skip

    @admin.action(
        description=gettext_lazy("Hide the story from the hero page"), permissions=["moderate"]
    )
    def hide_story(self, request, queryset):
        for nomination in queryset.filter(is_story_hidden=False):
            services.hide(target=nomination, moderator=request.user, params=FROM_NOMINATION_QUEUE)
        messages.success(request, _("The stories are hidden; the decisions stand."))

    @admin.action(description=gettext_lazy("Show the story again"), permissions=["moderate"])
    def restore_story(self, request, queryset):
        for nomination in queryset.filter(is_story_hidden=True):
            services.restore(target=nomination, moderator=request.user)
        messages.success(request, _("The stories show again where their nominators agreed."))

    def _run(self, request, service, **kwargs) -> None:
        try:
            service(moderator=request.user, **kwargs)
        except ReviewError as error:
            messages.error(request, str(error))
        else:
            nomination = kwargs["nomination"]
            nomination.refresh_from_db()
            messages.success(
                request,
                _("Nomination #%(number)s (%(name)s): %(status)s; the nominator is told.")
                % {
                    "number": nomination.pk,
                    "name": nomination.nominee_name,
                    "status": nomination.get_status_display().lower(),
                },
            )

    def _decision_page(self, request, queryset, form, title):
        """The intermediate page where the moderator gives the reason / hero / original."""
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "form": form,
            "nominations": queryset.select_related("nominator", "hero"),
            "action": request.POST.get("action"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "opts": self.model._meta,
        }
        return TemplateResponse(request, "admin/heroes/nomination/decision.html", context)


@admin.register(HeroPolicy)
class HeroPolicyAdmin(HistoryAdmin):
    """Moderators edit the hero policy here; every change is kept in its history."""

    list_display = ["title", "updated_at"]
    search_fields = ["title", "body"]
    fields = ["title", "body", "updated_at"]
    readonly_fields = ["updated_at"]

    def get_queryset(self, request):
        return super().get_queryset(request).filter(slug=POLICY_SLUG)

    def has_add_permission(self, request) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    def save_model(self, request, obj, form, change):
        # Saved as a SitePage, so django-simple-history (listening on SitePage) records it.
        page = SitePage.objects.get(pk=obj.pk)
        page.title, page.body = obj.title, obj.body
        page.save()
