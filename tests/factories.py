"""Plain factory functions: sensible defaults with a counter, keyword overrides, related
objects created only when not passed."""

import itertools

from allauth.account.models import EmailAddress
from django.test import TestCase
from django.utils import timezone

from accounts.groups import assign_role
from accounts.models import User
from articles.models import Article, BodyPart, CareInstruction, WarningSign

_counter = itertools.count(1)
PASSWORD = "a-long-test-password-1"


def make_user(*, role: str | None = None, verified_email: bool = True, **fields) -> User:
    n = next(_counter)
    fields.setdefault("username", f"member{n}")
    fields.setdefault("email", f"{fields['username']}@example.com")
    user = User.objects.create_user(password=fields.pop("password", PASSWORD), **fields)
    if verified_email:
        EmailAddress.objects.create(user=user, email=user.email, verified=True, primary=True)
    if role:
        assign_role(user, role)
    return user


def make_body_part(**fields) -> BodyPart:
    n = next(_counter)
    fields.setdefault("name", f"Body part {n}")
    fields.setdefault("slug", f"body-part-{n}")
    return BodyPart.objects.create(**fields)


def make_article(*, care_instructions=(), warning_signs=(), **fields) -> Article:
    n = next(_counter)
    fields.setdefault("title", f"Procedure {n}")
    fields.setdefault("slug", f"procedure-{n}")
    fields.setdefault("summary", f"What procedure {n} is.")
    fields.setdefault("status", Article.Status.PUBLISHED)
    if "body_part" not in fields:
        fields["body_part"] = make_body_part()
    article = Article.objects.create(**fields)
    for position, text in enumerate(care_instructions):
        CareInstruction.objects.create(article=article, position=position, text=text)
    for position, sign in enumerate(warning_signs):
        text, keywords = sign if isinstance(sign, tuple) else (sign, "")
        WarningSign.objects.create(article=article, position=position, text=text, keywords=keywords)
    return article


def days_ago(days: int):
    return timezone.now() - timezone.timedelta(days=days)


def committed():
    """Run what follows a commit (notifications, the content generation), as a real commit
    would: factories' writes stand for committed ones."""
    return TestCase.captureOnCommitCallbacks(execute=True)


def make_member_image(*, owner=None, scope: str = "", alt_text: str = "My knee scar"):
    """An uploaded composer image (stored through core.composing, as the upload view does)."""
    from core.composing import store_image
    from tests.blogs.factories import image_upload

    image = store_image(owner or make_user(), image_upload("wound.png"), alt_text)
    if scope:
        image.scope = scope
        image.save(update_fields=["scope"])
    return image
