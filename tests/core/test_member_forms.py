"""Every form a member fills in refuses text that cannot be stored or shown (control
characters, lone surrogates), and every text field and text endpoint has a size limit."""

import importlib

import pytest
from django import forms
from django.urls import reverse

from blogs.forms import CommentForm
from blogs.models import BlogPost
from core.forms import StorableTextMixin
from tests.blogs.factories import post_data
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db

FORM_MODULES = ["accounts.forms", "blogs.forms", "core.forms", "forums.forms", "heroes.forms",
                "messaging.forms", "moderation.forms"]  # fmt: skip
# moderation/ is another engineer's (issue 10): its form still needs the mixin.


def _member_forms():
    modules = {importlib.import_module(name).__name__ for name in FORM_MODULES}
    found, todo = set(), [forms.BaseForm]
    while todo:
        cls = todo.pop()
        todo.extend(cls.__subclasses__())
        if cls.__module__ in modules and "Mixin" not in cls.__name__:
            found.add(cls)
    return sorted(found, key=lambda cls: f"{cls.__module__}.{cls.__name__}")


def _name(cls) -> str:
    return f"{cls.__module__}.{cls.__name__}"


def test_every_member_form_refuses_unstorable_text():
    missing = [_name(cls) for cls in _member_forms() if not issubclass(cls, StorableTextMixin)]

    assert "moderation.forms.ReportForm" in {_name(cls) for cls in _member_forms()}
    assert missing == []


def _fields(cls) -> dict:
    """The form's fields as a member gets them (some are set up in __init__)."""
    try:
        return cls().fields
    except TypeError:  # the form needs its context (a thread, a user…)
        return cls.base_fields


def test_every_text_field_of_a_member_form_has_a_size_limit():
    unlimited = [
        f"{_name(cls)}.{name}"
        for cls in _member_forms()
        for name, field in _fields(cls).items()
        if isinstance(field, forms.CharField)
        and not isinstance(field, forms.UUIDField | forms.EmailField)
        and field.max_length is None
        and not isinstance(field.widget, forms.PasswordInput)
    ]

    assert len(_member_forms()) > 10  # the walk sees the member forms
    assert unlimited == []


@pytest.mark.parametrize("character", ["\x1b", "\x0c", "\x7f"])
def test_a_post_with_a_control_character_is_refused(client, patient, character):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(body=f"Day{character}one"))

    assert response.status_code == 200
    assert "cannot be saved" in str(response.context["form"].errors["body"])
    assert not BlogPost.objects.exists()


@pytest.mark.parametrize("character", ["\ud800", "\udfff"])
def test_a_lone_surrogate_is_refused(patient, character):
    """No HTTP client can send one (invalid UTF-8 arrives as U+FFFD), but code can."""
    form = CommentForm(data={"body": f"Hang in{character} there"})

    assert "cannot be saved" in str(form.errors["body"])


def test_a_nul_byte_is_refused_with_a_message(client, patient):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(title="Day\x00one"))

    assert "Null characters are not allowed" in str(response.context["form"].errors["title"])


def test_the_live_check_refuses_a_message_over_the_limit(client, patient):
    client.force_login(patient)
    thread = make_thread()

    response = client.post(
        reverse("forums:post_check") + f"?thread={thread.pk}", {"body": "a" * 20_001}
    )

    assert response.status_code == 200
    assert "at most 20000 characters" in response.content.decode().replace(",", "")


@pytest.mark.parametrize("name", ["preview", "blogs:autosave"])
def test_preview_and_autosave_refuse_a_post_over_the_limit(client, patient, name):
    client.force_login(patient)

    response = client.post(
        reverse(name), {"body": "a" * 50_001, "form_token": post_data()["form_token"]}
    )

    assert "at most 50000 characters" in response.content.decode().replace(",", "")
    assert not BlogPost.objects.exists()


def test_a_request_body_over_a_megabyte_is_refused(client, patient):
    client.force_login(patient)

    response = client.post(reverse("forums:post_check"), {"body": "a" * 1_100_000})

    assert response.status_code == 400


@pytest.mark.parametrize("username", ["...", "-.-", "+.-"])
def test_a_username_needs_a_letter_or_digit(client, username):
    response = client.post(
        reverse("account_signup"),
        {"username": username, "email": "a@example.org", "password1": "a-long-pass-1",
         "password2": "a-long-pass-1"},
    )  # fmt: skip

    assert "starting with a letter or digit" in str(response.context["form"].errors["username"])
