"""The moderators' workplace in the back office: the dashboard, the report queue, one page
to act on a report, suspensions with presets, surgeon verification and the log."""

from django.contrib import admin, messages
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, OuterRef, Subquery
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.timesince import timesince
from django.utils.translation import gettext, ngettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from accounts.access_log import LoggedPrivateViewMixin
from accounts.models import SurgeonVerification, User
from core.roles import is_moderator
from moderation import services
from moderation.forms import AcknowledgeForm, SuspendForm
from moderation.log_text import FROM_REPORT
from moderation.models import ModerationLogEntry, OnDuty, Report, Suspension
from moderation.registry import (
    content_author,
    content_html,
    held_content,
    held_count,
    moderatable_models,
    queues,
    rules_for,
)
from moderation.verification import decide_verification


class ModeratorActionsMixin:
    def has_moderate_permission(self, request) -> bool:
        return is_moderator(request.user)


class OpenFirstFilter(admin.SimpleListFilter):
    """The queue opens on open reports; the other statuses are one click away."""

    title = _("status")
    parameter_name = "state"

    def lookups(self, request, model_admin):
        return [(None, Report.Status.OPEN.label), *Report.Status.choices[1:], ("all", _("All"))]

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
        return queryset if value == "all" else queryset.filter(status=value or Report.Status.OPEN)


class KindFilter(admin.SimpleListFilter):
    """Only the kinds of content that can be reported, not every content type."""

    title = _("kind of content")
    parameter_name = "kind"

    def lookups(self, request, model_admin):
        types = ContentType.objects.get_for_models(*moderatable_models())
        return sorted(((str(ct.pk), ct.name) for ct in types.values()), key=lambda c: c[1])

    def queryset(self, request, queryset):
        return queryset.filter(content_type_id=self.value()) if self.value() else queryset


def age(when) -> str:
    return gettext("%(time)s ago") % {"time": timesince(when, depth=1)}


@admin.register(Report)
class ReportAdmin(ModeratorActionsMixin, admin.ModelAdmin):
    list_display = ["summary", "content_link", "member", "reporter", "reports_on_item",
                    "status", "created_at"]  # fmt: skip
    list_filter = [OpenFirstFilter, "level", "reason", KindFilter]
    search_fields = ["note", "reporter__username", "member__username"]
    list_select_related = ["reporter", "member", "content_type"]
    date_hierarchy = "created_at"
    actions = ["hide_content", "restore_content", "dismiss"]

    def get_urls(self):
        dashboard = self.admin_site.admin_view(self.dashboard_view)
        duty = self.admin_site.admin_view(self.duty_view)
        review = self.admin_site.admin_view(self.review_view)
        return [
            path("dashboard/", dashboard, name="moderation_dashboard"),
            path("duty/", duty, name="moderation_duty"),
            path("review/", review, name="moderation_review"),
            *super().get_urls(),
        ]

    def get_queryset(self, request):
        same_item = Report.objects.filter(
            content_type=OuterRef("content_type"), object_id=OuterRef("object_id")
        )
        counts = same_item.values("content_type").annotate(n=Count("pk")).values("n")
        # Annotated before ordering: the queue orders by urgency (see get_ordering).
        queryset = Report.objects.with_urgency().annotate(item_report_count=Subquery(counts))
        return queryset.order_by(*self.get_ordering(request))

    def get_ordering(self, request):
        return ["urgency", "created_at"]  # crisis, then emergency flags; then the oldest

    def has_add_permission(self, request) -> bool:
        return False

    @admin.display(description=pgettext_lazy("a member's report", "report"), ordering="created_at")
    def summary(self, report):
        level = "" if report.level == Report.Level.NONE else f"{report.get_level_display()} · "
        return f"{level}{report.get_reason_display()} · {age(report.created_at)}"

    @admin.display(description=_("reports on this item"), ordering="item_report_count")
    def reports_on_item(self, report):
        return report.item_report_count

    @admin.display(description=_("content"))
    def content_link(self, report):
        target = report.target
        if target is None:
            return gettext("(removed)")
        url = _site_url(target)
        return (
            format_html('<a href="{}">{}</a>', url, str(target)[:80]) if url else str(target)[:80]
        )

    # The report page: everything needed to decide, and every decision, on one screen.
    def change_view(self, request, object_id, form_url="", extra_context=None):
        report = get_object_or_404(
            Report.objects.select_related("reporter", "member"), pk=object_id
        )
        if not is_moderator(request.user):
            return super().change_view(request, object_id, form_url, extra_context)
        if request.method == "POST":
            return self._act(request, report)
        return TemplateResponse(request, "admin/moderation/report/act.html",
                                self._act_context(request, report))  # fmt: skip

    def _act_context(self, request, report, suspend_form=None, acknowledge_form=None):
        target = report.target
        rules = rules_for(type(target)) if target is not None else None
        member = report.member or (content_author(target) if target is not None else None)
        user = request.user
        return {
            **self.admin_site.each_context(request),
            "title": str(report),
            "opts": self.model._meta,
            "report": report,
            "age": age(report.created_at),
            "target": target,
            "target_url": _site_url(target) if target is not None else "",
            "in_context": [
                {
                    "item": item,
                    "html": content_html(item),
                    "author": content_author(item),
                    "is_target": item == target,
                }
                for item in (rules.in_context(target) if rules else [])
            ],  # fmt: skip
            "member": member,
            "earlier_reports": Report.objects.filter(member=member)
            .exclude(pk=report.pk)
            .select_related("content_type")[:10]
            if member
            else [],
            "hides": ModerationLogEntry.objects.filter(
                member=member, action=ModerationLogEntry.Action.HIDE
            )[:10]
            if member
            else [],
            "suspensions": member.suspensions.all()[:10] if member else [],
            "other_reports": Report.objects.filter(
                content_type=report.content_type, object_id=report.object_id
            )
            .exclude(pk=report.pk)
            .select_related("reporter"),
            "can_hide": bool(rules and rules.can_hide(user, target)),
            "can_restore": bool(rules and rules.can_restore(user, target)),
            "can_lock": bool(rules and rules.lock and report.is_open),
            "can_make_members_only": bool(rules and rules.can_make_members_only(user, target)),
            "can_make_public": bool(rules and rules.can_make_public(user, target)),
            "can_dismiss": report.is_open,
            "can_acknowledge": report.is_open and report.reason == Report.Reason.SAFETY,
            "can_suspend": member is not None and member != user and not is_moderator(member),
            "suspend_form": suspend_form or SuspendForm(),
            "acknowledge_form": acknowledge_form or AcknowledgeForm(),
        }

    def _act(self, request, report):
        action, user, target = request.POST.get("do"), request.user, report.target
        context = self._act_context(request, report)
        done = None
        try:
            if action == "hide" and context["can_hide"]:
                services.hide_reported(report=report, moderator=user)
                done = gettext("The content is hidden and its reports closed.")
            elif action == "restore" and context["can_restore"]:
                services.restore_reported(report=report, moderator=user)
                done = gettext("The content is visible again and its reports closed.")
            elif action == "dismiss" and context["can_dismiss"]:
                services.dismiss_report(report=report, moderator=user)
                done = gettext("Dismissed: no action taken.")
            elif action == "lock" and context["can_lock"]:
                services.lock(target=target, moderator=user)
                done = gettext("The thread is locked.")
            elif action == "members_only" and context["can_make_members_only"]:
                services.make_members_only(target=target, moderator=user, params=FROM_REPORT)
                done = gettext(
                    "The thread is for members only: visitors and search engines no longer see it."
                )
            elif action == "public" and context["can_make_public"]:
                services.make_public(target=target, moderator=user, params=FROM_REPORT)
                done = gettext("The thread is public again.")
            elif action == "acknowledge" and context["can_acknowledge"]:
                form = AcknowledgeForm(request.POST)
                if not form.is_valid():
                    return self._invalid(request, report, acknowledge_form=form)
                services.acknowledge(report=report, moderator=user, **form.cleaned_data)
                done = gettext("Acknowledged: the log shows you handled it.")
            elif action == "suspend" and context["can_suspend"]:
                form = SuspendForm(request.POST)
                if not form.is_valid():
                    return self._invalid(request, report, suspend_form=form)
                _suspend(user, context["member"], form)
                done = _suspended_message(context["member"])
        except services.ModerationRefused as refused:
            messages.error(request, str(refused))
            return redirect(request.path)
        if done is None:
            messages.error(request, gettext("That action is not available on this report now."))
        else:
            messages.success(request, done)
        return redirect(request.path)

    def _invalid(self, request, report, **forms):
        return TemplateResponse(request, "admin/moderation/report/act.html",
                                self._act_context(request, report, **forms))  # fmt: skip

    def dashboard_view(self, request):
        if not is_moderator(request.user):
            return redirect("admin:index")
        return TemplateResponse(request, "admin/moderation/dashboard.html", {
            **self.admin_site.each_context(request),
            "title": gettext("Moderation dashboard"),
            **dashboard_context(request.user),
        })  # fmt: skip

    def duty_view(self, request):
        if request.method == "POST" and is_moderator(request.user):
            if request.POST.get("on_duty") == "1":
                OnDuty.objects.get_or_create(moderator=request.user)
                messages.success(
                    request, gettext("You are on duty: safety alerts come to you first.")
                )
            else:
                OnDuty.objects.filter(moderator=request.user).delete()
                messages.success(request, gettext("You are off duty."))
        return redirect("admin:moderation_dashboard")

    def review_view(self, request):
        """Approve or reject a post held for review (a new member's first posts)."""
        if request.method != "POST" or not is_moderator(request.user):
            return redirect("admin:moderation_dashboard")
        target = _held_target(request.POST.get("item", ""))
        decision = request.POST.get("decision")
        note = request.POST.get("note", "").strip()[:500]
        if target is None or decision not in {"approve", "reject"}:
            messages.error(request, gettext("That post is no longer waiting for review."))
            return redirect("admin:moderation_dashboard")
        service = services.approve if decision == "approve" else services.reject
        if service(target=target, moderator=request.user, note=note):
            messages.success(request, _review_message(decision, target))
        else:
            messages.warning(
                request, gettext("Another moderator has already decided on that post.")
            )
        return redirect(f"{reverse('admin:moderation_dashboard')}#held-for-review")

    @admin.action(description=_("Hide the reported content"), permissions=["moderate"])
    def hide_content(self, request, queryset):
        for report in queryset:
            services.hide_reported(report=report, moderator=request.user)
        messages.success(request, gettext("The reported content is hidden."))

    @admin.action(description=_("Restore the reported content"), permissions=["moderate"])
    def restore_content(self, request, queryset):
        for report in queryset:
            try:
                services.restore_reported(report=report, moderator=request.user)
            except services.ModerationRefused as refused:
                messages.warning(request, f"{report}: {refused}")
        messages.success(request, gettext("The content is restored and its reports closed."))

    @admin.action(description=_("Dismiss the reports (no action)"), permissions=["moderate"])
    def dismiss(self, request, queryset):
        for report in queryset:
            services.dismiss_report(report=report, moderator=request.user)
        messages.success(request, gettext("Reports dismissed."))


def _suspended_message(member) -> str:
    return gettext("%(member)s is suspended; they are told why when they sign in.") % {
        "member": member
    }


def _review_message(decision: str, target) -> str:
    title = str(target)[:60]
    if decision == "approve":
        return gettext("“%(title)s” is published.") % {"title": title}
    return gettext("“%(title)s” is rejected; its author is told.") % {"title": title}


def _held_key(target) -> str:
    return f"{target._meta.label_lower}:{target.pk}"


def _held_target(key: str):
    """The held item a review form names ("forums.post:12"), among the registered kinds."""
    label, _, pk = key.partition(":")
    for model in moderatable_models():
        if model._meta.label_lower == label and pk.isdigit():
            return model._default_manager.filter(pk=int(pk)).first()
    return None


def _site_url(target) -> str:
    """Where the content is on the site (a private message has no public page)."""
    return target.get_absolute_url() if hasattr(target, "get_absolute_url") else ""


def _suspend(moderator, member, form) -> None:
    services.suspend_member(
        member=member, moderator=moderator, reason=form.cleaned_data["reason"],
        ends_at=services.suspension_end(form.cleaned_data["length"]),
    )  # fmt: skip


QUEUE_LABELS = {
    Report.Level.CRISIS: _("Crisis flags"),
    Report.Level.EMERGENCY: _("Emergency flags"),
    Report.Level.SIGN: _("Warning sign flags"),
    Report.Level.NONE: _("Member reports"),
}


def _work(label: str, pending, date_field: str, url: str) -> dict:
    """One line of open work: how many, since when, and where to act on it."""
    oldest = pending.order_by(date_field).first()
    return {"label": label, "count": pending.count(), "url": url,
            "oldest_at": getattr(oldest, date_field, None)}  # fmt: skip


def dashboard_context(user) -> dict:
    """Counts of open work, oldest first, each linking to where it is acted on."""
    open_reports = Report.objects.open()
    reports_url = reverse("admin:moderation_report_changelist")
    work = [
        _work(
            label,
            open_reports.filter(level=level),
            "created_at",
            f"{reports_url}?level__exact={level}",
        )  # fmt: skip
        for level, label in QUEUE_LABELS.items()
    ]
    held = [
        {"key": _held_key(item), "item": item, "author": content_author(item),
         "html": content_html(item), "url": _site_url(item), "age": age(item.created_at),
         "kind": item._meta.verbose_name, "where": str(getattr(item, "thread", None) or "")}
        for item in held_content()
    ]  # fmt: skip
    work.append({"label": _("Held for review (new members' first posts)"), "count": held_count(),
                 "url": "#held-for-review",
                 "oldest_at": held[0]["item"].created_at if held else None})  # fmt: skip
    work += [_work(q.label, q.pending(), q.date_field, reverse(q.url_name)) for q in queues()]
    work.append(_work(
        _("Surgeon verifications"),
        SurgeonVerification.objects.filter(status=SurgeonVerification.Status.PENDING),
        "requested_at", reverse("admin:accounts_surgeonverification_changelist"),
    ))  # fmt: skip
    queue = [
        {"report": report, "age": age(report.created_at),
         "url": reverse("admin:moderation_report_change", args=[report.pk])}
        for report in open_reports.in_queue_order().select_related("content_type", "member")[:25]
    ]  # fmt: skip
    return {
        "work": work,
        "queue": queue,
        "held": held,
        "on_duty": OnDuty.objects.filter(moderator=user).exists(),
        "on_duty_names": [d.moderator for d in OnDuty.objects.select_related("moderator")],
    }


@admin.register(ModerationLogEntry)
class ModerationLogEntryAdmin(admin.ModelAdmin):
    """The log in the reader's language: actions by their labels, automatic notes worded
    from their details (moderation.log_text); the filter lists every action."""

    list_display = ["created_at", "actor", "action", "target_repr", "member", "note_text"]
    fields = ["created_at", "actor", "action", "content_type", "object_id", "target_repr",
              "member", "note_text"]  # fmt: skip
    readonly_fields = fields
    list_filter = ["action", "content_type"]
    search_fields = ["target_repr", "note", "actor__username", "member__username"]
    list_select_related = ["actor", "member"]
    date_hierarchy = "created_at"

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False

    def has_delete_permission(self, request, obj=None) -> bool:
        return False

    @admin.display(description=_("note"))
    def note_text(self, entry) -> str:
        return entry.note_text


@admin.register(Suspension)
class SuspensionAdmin(ModeratorActionsMixin, admin.ModelAdmin):
    list_display = ["member", "starts_at", "ends_at", "created_by", "lifted_at"]
    list_filter = ["lifted_at"]
    search_fields = ["member__username", "reason"]
    list_select_related = ["member", "created_by"]
    readonly_fields = ["member", "reason", "starts_at", "ends_at", "created_by", "lifted_at"]
    fields = readonly_fields
    actions = ["lift"]

    def get_urls(self):
        suspend = self.admin_site.admin_view(self.suspend_view)
        return [
            path("member/<int:user_id>/", suspend, name="moderation_suspend_member"),
            *super().get_urls(),
        ]

    def has_add_permission(self, request) -> bool:
        return False  # members are suspended from their post, profile or a report

    def suspend_view(self, request, user_id):
        """Suspend a member (from a post card or a profile) with the presets and a reason."""
        member = get_object_or_404(User, pk=user_id)
        if not is_moderator(request.user) or is_moderator(member):
            messages.error(request, gettext("Moderators cannot be suspended here."))
            return redirect("admin:index")
        form = SuspendForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            _suspend(request.user, member, form)
            messages.success(request, _suspended_message(member))
            return redirect(member.get_absolute_url())
        return TemplateResponse(request, "admin/moderation/suspend.html", {
            **self.admin_site.each_context(request),
            "title": gettext("Suspend %(member)s") % {"member": member}, "member": member,
            "form": form, "opts": self.model._meta,
            "suspensions": member.suspensions.all()[:10],
        })  # fmt: skip

    @admin.action(description=_("Lift the selected suspensions"), permissions=["moderate"])
    def lift(self, request, queryset):
        for suspension in queryset.select_related("member"):
            services.lift_suspension(member=suspension.member, moderator=request.user)
        messages.success(request, gettext("Suspensions lifted."))


@admin.register(SurgeonVerification)
class SurgeonVerificationAdmin(LoggedPrivateViewMixin, ModeratorActionsMixin, admin.ModelAdmin):
    list_display = ["full_name", "user", "specialty", "regulator", "licence_number", "status",
                    "requested_at"]  # fmt: skip
    list_filter = ["status"]
    search_fields = ["full_name", "user__username", "practice", "licence_number"]
    list_select_related = ["user"]
    readonly_fields = ["user", "status", "requested_at", "decided_by", "decided_at"]
    actions = ["verify_selected", "reject_selected"]

    @admin.action(description=_("Verify the selected surgeons"), permissions=["moderate"])
    def verify_selected(self, request, queryset):
        for verification in queryset.select_related("user"):
            decide_verification(verification=verification, moderator=request.user, approve=True)
        count = queryset.count()
        messages.success(
            request,
            ngettext("Verified %(count)d surgeon.", "Verified %(count)d surgeons.", count)
            % {"count": count},
        )

    @admin.action(description=_("Reject the selected requests"), permissions=["moderate"])
    def reject_selected(self, request, queryset):
        for verification in queryset.select_related("user"):
            decide_verification(verification=verification, moderator=request.user, approve=False)
        count = queryset.count()
        messages.success(
            request,
            ngettext("Rejected %(count)d request.", "Rejected %(count)d requests.", count)
            % {"count": count},
        )
