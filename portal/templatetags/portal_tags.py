"""Thin template helpers. Permission filters call the same predicates the views use."""

from django import template
from django.template.backends.utils import csrf_input

from portal import roles

register = template.Library()


@register.simple_tag(takes_context=True)
def csrf_field(context) -> str:
    """The CSRF hidden input, also inside `{% include … only %}`, where the context
    processors' `csrf_token` is gone but the request is still there."""
    return csrf_input(context.request)


@register.filter
def app_label(obj) -> str:
    return obj._meta.app_label


@register.filter
def model_name(obj) -> str:
    return obj._meta.model_name


@register.filter
def is_moderator(user) -> bool:
    return roles.is_moderator(user)


@register.filter
def is_staff_member(user) -> bool:
    return roles.is_staff_member(user)


@register.filter
def day_range(low, high) -> str:
    """1, 4 -> "1–4"; 3, 3 -> "3"; None, 4 -> "up to 4"."""
    if low is None and high is None:
        return ""
    if low is None:
        return f"up to {high}"
    if high is None or high == low:
        return f"{low}"
    return f"{low}–{high}"


@register.filter
def model_name_verbose(obj) -> str:
    return obj._meta.verbose_name
