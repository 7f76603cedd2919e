"""Thin template helpers. Permission filters call the same predicates the views use."""

import datetime

from django import template
from django.conf import settings
from django.template.backends.utils import csrf_input
from django.templatetags.cache import CacheNode
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import conditional_escape, format_html, format_html_join
from django.utils.timezone import get_current_timezone_name
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from core import roles, versions
from core.db_router import fill_from_primary
from core.languages import localized_url
from core.site import site_name

register = template.Library()


@register.simple_tag(takes_context=True)
def csrf_field(context) -> str:
    """The CSRF hidden input, also inside `{% include … only %}`, where the context
    processors' `csrf_token` is gone but the request is still there."""
    return csrf_input(context.request)


@register.simple_tag(name="versions")
def versions_key(*names) -> str:
    """`{% versions "article:3" "articles" as v %}`: the versions of what a fragment shows
    (names, or lists of names from the view), with the language and time zone, to key a
    `{% fragment %}` with (`{% fragment fragment_seconds "article-body" v %}`); the page
    being built depends on them too (core.versions)."""
    names = [name for item in names for name in ([item] if isinstance(item, str) else item)]
    found = versions.depends_on(*names)
    shown = ",".join(f"{name}={version}" for name, version in found.items())
    return f"{get_language()}:{get_current_timezone_name()}:{shown}"


class _FilledFromPrimary:
    """A fragment's content, built from the primary database within the replica lag bound
    after a content write: a lagging replica never fills the new versions' fragment."""

    def __init__(self, nodelist):
        self.nodelist = nodelist

    def render(self, context):
        with fill_from_primary():
            return self.nodelist.render(context)

    def __getattr__(self, name):
        return getattr(self.nodelist, name)


@register.tag
def fragment(parser, token):
    """`{% fragment fragment_seconds "home:latest-threads" v %}…{% endfragment %}`: Django's
    `{% cache %}` (same arguments: timeout, name, what it varies on), with a miss built as
    `_FilledFromPrimary` says. Key it with `{% versions … as v %}`."""
    nodelist = parser.parse(("endfragment",))
    parser.delete_first_token()
    bits = token.split_contents()
    if len(bits) < 3:
        raise template.TemplateSyntaxError(f"{bits[0]!r} takes at least two arguments.")
    vary_on = [parser.compile_filter(bit) for bit in bits[3:]]
    return CacheNode(
        _FilledFromPrimary(nodelist), parser.compile_filter(bits[1]), bits[2], vary_on, None
    )


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
        return _("up to %(high)s") % {"high": high}
    if high is None or high == low:
        return f"{low}"
    return f"{low}–{high}"


@register.filter
def model_name_verbose(obj) -> str:
    return obj._meta.verbose_name


class PageTitleNode(template.Node):
    def __init__(self, nodelist):
        self.nodelist = nodelist  # the page's head_title block lives inside it

    def render(self, context) -> str:
        page = self.nodelist.render(context).strip()
        site = conditional_escape(site_name())
        return f"{page} · {site}" if page else site


@register.tag
def page_title(parser, token):
    """`{% page_title %}{% block head_title %}{% endblock %}{% endpage_title %}`: "Page · Site
    name", or the site name alone for a page that names nothing. (A template cannot ask
    whether a child filled a block: `self.head_title` is always false in Django.)"""
    nodelist = parser.parse(("endpage_title",))
    parser.delete_first_token()
    return PageTitleNode(nodelist)


@register.simple_tag
def when(value, time: bool = False) -> str:
    """A date or time for people, the one way the site shows them:

        {% when post.published_at %}            → 30 Nov 2026
        {% when message.created_at time=True %}  → 30 Nov 2026, 14:05 UTC

    rendered as `<time datetime="2026-11-30T14:05:00+00:00" title="Monday 30 November 2026,
    14:05 UTC">30 Nov 2026</time>`: the machine-readable instant, the full date and time (in
    the current time zone, named) as a tooltip, and the short text. The wording comes from
    Django's named formats (DATE_FORMAT, SHORT_DATETIME_FORMAT, DATETIME_FORMAT; ours are in
    portal/formats/), so another language gets its own formats without touching templates.
    Absolute on purpose: a relative "5 minutes ago" would go stale in cached pages.
    A plain date (no time) has no tooltip; None renders nothing."""
    if value in (None, ""):
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        text = date_format(value, "SHORT_DATETIME_FORMAT" if time else "DATE_FORMAT")
        return format_html(
            '<time datetime="{}" title="{}">{}</time>',
            value.isoformat(timespec="seconds"),
            date_format(value, "DATETIME_FORMAT"),
            text,
        )
    return format_html(
        '<time datetime="{}">{}</time>', value.isoformat(), date_format(value, "DATE_FORMAT")
    )


@register.simple_tag(takes_context=True)
def page_alternates(context):
    """`<link rel="alternate" hreflang>` to this page in every language, and x-default (the
    unprefixed English page). A page whose address must not be repeated sets language_next,
    as the language switcher reads it."""
    request = context.get("request")
    if request is None:
        return ""
    here = context.get("language_next") or request.get_full_path()
    current = get_language()
    versions_by_language = {}
    for code, _name in settings.LANGUAGES:
        url = localized_url(here, code)
        if url == here and code != current:  # not one of the site's pages
            return ""
        versions_by_language[code] = request.build_absolute_uri(url)
    links = [
        *versions_by_language.items(),
        ("x-default", versions_by_language[settings.LANGUAGE_CODE]),
    ]
    return format_html_join("\n  ", '<link rel="alternate" hreflang="{}" href="{}">', links)
