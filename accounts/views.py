import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core import signing
from django.core.paginator import Paginator
from django.db import transaction
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from accounts import blocking, emails, notifications
from accounts.data_rights import delete_account, export_user_data
from accounts.forms import DeleteAccountForm, SettingsForm, SurgeonVerificationForm
from accounts.models import SurgeonVerification, User
from accounts.permissions import can_suspend, can_view_private_profile_fields
from core.inputs import parse_int, query_int
from core.roles import has_editor_role, has_moderator_role


def profile(request, username):
    member = get_object_or_404(User, username=username, deleted_at__isnull=True)
    context = {
        "member": member,
        "member_is_moderator": has_moderator_role(member),
        "member_is_editor": has_editor_role(member),
        "show_private": can_view_private_profile_fields(request.user, member),
        "is_other_member": request.user.is_authenticated and request.user != member,
        "has_blocked": blocking.has_blocked(request.user, member),
        "can_suspend": can_suspend(request.user, member),
    }
    return render(request, "accounts/profile.html", context)


@login_required
@require_POST
def block_toggle(request, username):
    member = get_object_or_404(User, username=username, deleted_at__isnull=True)
    if member == request.user:
        raise Http404(_("You cannot block yourself."))
    if request.POST.get("action") == "unblock":
        blocking.unblock(request.user, member)
        messages.success(request, _("You unblocked %(name)s.") % {"name": member.username})
    else:
        blocking.block(request.user, member)
        messages.success(
            request, _("You blocked %(name)s: no messages, mentions or notifications from "
                       "them. They are not told.") % {"name": member.username},
        )  # fmt: skip
    return redirect(member)


@login_required
def settings_edit(request):
    form = SettingsForm(request.POST or None, instance=request.user, user=request.user)
    if request.method == "POST" and form.is_valid():
        form.save()
        return _settings_saved(request, language_changed="language" in form.changed_data)
    return render(request, "accounts/settings.html", {"form": form})


def _settings_saved(request, *, language_changed: bool):
    """Back to the settings page. A newly chosen language goes through the language switcher
    (portal.views.switch_language: the choice remembered in the cookie, the page reopened in
    it); "automatic" forgets the choice."""
    chosen = request.user.language
    with translation.override(chosen or translation.get_language()):
        messages.success(request, _("Your settings were saved."))
        page = reverse("accounts:settings")
    if language_changed and chosen:
        switcher = reverse("switch_language", args=[chosen])
        return redirect(f"{switcher}?{urlencode({'next': page})}")
    response = redirect(page)
    if language_changed:
        response.delete_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            path=settings.LANGUAGE_COOKIE_PATH,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


@login_required
def data_export(request):
    payload = json.dumps(export_user_data(request.user), indent=2, default=str)
    response = HttpResponse(payload, content_type="application/json")
    stamp = timezone.now().strftime("%Y%m%d")
    filename = f"portal-data-{request.user.username}-{stamp}.json"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@login_required
def account_delete(request):
    form = DeleteAccountForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        delete_account(request.user, erase_text=form.cleaned_data["erase_text"])
        logout(request)
        messages.success(request, _("Your account was deleted. Thank you for being here."))
        return redirect("home")
    return render(request, "accounts/account_delete.html", {"form": form})


@login_required
def verification_request(request):
    existing = SurgeonVerification.objects.filter(user=request.user).first()
    if existing and existing.status != SurgeonVerification.Status.REJECTED:
        return render(request, "accounts/verification_status.html", {"verification": existing})
    form = SurgeonVerificationForm(request.POST or None, instance=existing)
    if request.method == "POST" and form.is_valid():
        with transaction.atomic():
            verification = form.save(commit=False)
            verification.user = request.user
            verification.status = SurgeonVerification.Status.PENDING
            verification.requested_at = timezone.now()
            verification.save()
        messages.success(request, _("Thank you. A moderator will check your details."))
        return redirect("accounts:verification")
    return render(request, "accounts/verification_form.html", {"form": form})


@login_required
def notification_list(request):
    rows = request.user.notifications.select_related("actor")
    page = Paginator(rows, 30).get_page(query_int(request, "page"))
    return render(request, "accounts/notification_list.html", {"page_obj": page})


@login_required
@require_POST
def notifications_mark_read(request):
    given = request.POST.getlist("id")  # none: mark all read
    ids = [pk for pk in map(parse_int, given) if pk is not None] if given else None
    notifications.mark_read(request.user, ids)
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = "accounts:notifications"
    return redirect(next_url)


@login_required
def notification_open(request, pk):
    notification = get_object_or_404(request.user.notifications, pk=pk)
    notifications.mark_read(request.user, [notification.pk])
    return redirect(notification.link or "accounts:notifications")


@csrf_exempt  # RFC 8058 one-click unsubscribe: mail clients POST without a CSRF token.
def unsubscribe(request, token):
    try:
        user = emails.user_for_unsubscribe_token(token)
    except signing.SignatureExpired:
        return render(request, "accounts/unsubscribe_expired.html", status=410)
    if user is None:
        raise Http404(_("This unsubscribe link is not valid."))
    if request.method == "POST":
        user.email_notifications = User.EmailNotifications.OFF
        user.save(update_fields=["email_notifications"])
        return render(request, "accounts/unsubscribed.html", {"member": user})
    return render(request, "accounts/unsubscribe_confirm.html", {"member": user})
