"""Sign-in throttling with device cookies (OWASP, "Blocking brute force attacks": device cookies).

allauth already limits failed sign-ins: 10 a minute per IP address and 5 in 5 minutes per
account. That per-account limit lets anyone lock the real owner out by guessing on their
name. So a successful sign-in leaves a signed device cookie naming the account, and:

- from a browser holding a device cookie for the account, attempts are *trusted*: the
  account's lock-out does not apply; the device has its own limit (DEVICE_FAILURES), after
  which its cookie is no longer trusted;
- from anywhere else, allauth's limits apply, plus ours: per IP address (IP_RATE) and per
  account (ACCOUNT_RATE), counted by django-ratelimit in the shared cache.
"""

import secrets

from django.conf import settings
from django.core import signing
from django_ratelimit.core import get_usage

DEVICE_COOKIE = "portal_device"
DEVICE_SALT = "accounts.device"
DEVICE_MAX_AGE = 365 * 24 * 3600
DEVICE_FAILURES = "10/h"  # failed attempts from one trusted device
IP_RATE = "60/h"  # failed attempts from one address without a device cookie
ACCOUNT_RATE = "50/d"  # failed attempts on one account without a device cookie


def issue_device_cookie(response, user) -> None:
    value = signing.dumps({"user": user.pk, "nonce": secrets.token_urlsafe(16)}, salt=DEVICE_SALT)
    response.set_cookie(
        DEVICE_COOKIE, value, max_age=DEVICE_MAX_AGE, httponly=True, samesite="Lax",
        secure=settings.SESSION_COOKIE_SECURE,
    )  # fmt: skip


def _device(request) -> dict | None:
    try:
        return signing.loads(
            request.COOKIES.get(DEVICE_COOKIE, ""), salt=DEVICE_SALT, max_age=DEVICE_MAX_AGE
        )
    except signing.BadSignature:
        return None


def _exhausted(request, group: str, value: str, rate: str) -> bool:
    """Whether the failures counted under (group, value) reached the rate's limit."""
    usage = get_usage(request, group=group, key=lambda group, request: value, rate=rate)
    return bool(usage) and usage["count"] >= usage["limit"]


def _count(request, group: str, value: str, rate: str) -> None:
    get_usage(request, group=group, key=lambda group, request: value, rate=rate, increment=True)


def trusted_device(request, account_ids: set[int]) -> str | None:
    """This browser's device id if its cookie was issued for one of these accounts and it
    has not used up its own failures; None otherwise."""
    device = _device(request)
    if not device or device.get("user") not in account_ids:
        return None
    if _exhausted(request, "login-device", device["nonce"], DEVICE_FAILURES):
        return None
    return device["nonce"]


def untrusted_attempt_refused(request, *, ip: str, login: str) -> bool:
    """An attempt from an unknown device, once its address or the account failed too often."""
    return _exhausted(request, "login-ip", ip, IP_RATE) or _exhausted(
        request, "login-account", login.lower(), ACCOUNT_RATE
    )


def count_failure(request, *, device: str | None, ip: str, login: str) -> None:
    """A failed attempt counts against the trusted device, or else the address and account."""
    if device:
        _count(request, "login-device", device, DEVICE_FAILURES)
    else:
        _count(request, "login-ip", ip, IP_RATE)
        _count(request, "login-account", login.lower(), ACCOUNT_RATE)
