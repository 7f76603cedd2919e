"""Reverting an article in the admin restores the whole article: its own fields and every
care instruction and warning sign, as they were at that version."""

import pytest

from articles.models import CareInstruction, WarningSign
from tests.factories import make_article

pytestmark = pytest.mark.django_db

CARE = ["Keep the wound dry.", "Walk a little every hour.", "Ice the knee.", "Take your pills."]
SIGNS = [("A fever over 38 °C", "fever"), ("Redness spreading", "redness"), ("Calf pain", "calf")]


def _rows(article) -> tuple:
    care = CareInstruction.objects.filter(article=article).values_list("position", "text")
    signs = WarningSign.objects.filter(article=article).values_list("position", "text", "keywords")
    return list(care), list(signs)


def _vandalise(article) -> None:
    """An edit as the admin saves it: the article first, then its inline rows."""
    article.title = "Vandalised"
    article.save()
    for row in article.care_instructions.filter(position__in=[0, 2]):
        row.delete()
    changed = article.care_instructions.get(position=1)
    changed.text = "Run a marathon."
    changed.save()
    article.warning_signs.get(position=0).delete()
    WarningSign.objects.create(article=article, position=5, text="Nothing to worry about")
    CareInstruction.objects.create(article=article, position=9, text="Ignore your surgeon.")


def form_data(form) -> dict:
    """What the browser would send for this form as it is shown."""
    data = {}
    for name in form.fields:
        value = form[name].value()
        if value is None or value is False:
            continue
        if value is True:
            data[name] = "on"
        elif isinstance(value, (list, tuple)):
            data[name] = [str(item) for item in value]
        else:
            data[name] = str(value)
    return data


def _revert_url(article, version) -> str:
    return f"/admin/articles/article/{article.pk}/history/{version.history_id}/"


def test_editor_reverts_an_article_with_its_care_instructions_and_warning_signs(client, editor):
    article = make_article(title="Knee osteotomy", care_instructions=CARE, warning_signs=SIGNS)
    original = _rows(article)
    first = article.history.earliest()
    _vandalise(article)
    client.force_login(editor)
    page = client.get(_revert_url(article, first))

    response = client.post(_revert_url(article, first), form_data(page.context["adminform"].form))

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.title == "Knee osteotomy"
    assert _rows(article) == original
    assert len(original[0]) == 4 and len(original[1]) == 3


def test_reverting_to_the_latest_version_keeps_the_rows_as_they_are(client, editor):
    article = make_article(care_instructions=CARE, warning_signs=SIGNS)
    _vandalise(article)
    now = _rows(article)
    latest = article.history.latest()
    client.force_login(editor)
    page = client.get(_revert_url(article, latest))

    client.post(_revert_url(article, latest), form_data(page.context["adminform"].form))

    assert _rows(article) == now


def test_a_moderator_reads_a_revision_but_cannot_revert_or_rewrite(client, editor, moderator):
    article = make_article(title="Knee osteotomy", care_instructions=CARE, warning_signs=SIGNS)
    first = article.history.earliest()
    _vandalise(article)
    client.force_login(editor)
    data = form_data(client.get(_revert_url(article, first)).context["adminform"].form)
    client.force_login(moderator)

    page = client.get(_revert_url(article, first))
    response = client.post(_revert_url(article, first), data)
    edit = client.post(f"/admin/articles/article/{article.pk}/change/", data)

    assert page.status_code == 200 and "Knee osteotomy" in page.content.decode()
    assert response.status_code == 403 and edit.status_code == 403
    article.refresh_from_db()
    assert article.title == "Vandalised"
