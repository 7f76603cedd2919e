""" "Was this page helpful?": visitors answer without an account, rate-limited per address
(accounts.limits), one row per form (core.forms.FormTokenMixin), works with and without
htmx; editors read the answers per article in the admin, members cannot."""

import uuid

import pytest
from django.test import Client
from django.urls import reverse

from articles.models import FEEDBACK_COMMENT_MAX_LENGTH, Article, ArticleFeedback
from core import versions
from tests.factories import committed, make_article

pytestmark = pytest.mark.django_db

HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def article():
    return make_article(title="Hip replacement", slug="hip-replacement")


def feedback_url(article) -> str:
    return reverse("articles:feedback", args=[article.slug])


def answer(**fields) -> dict:
    return {"helpful": "yes", "comment": "", "form_token": str(uuid.uuid4()), **fields}


def test_article_page_offers_the_form_without_making_the_page_uncacheable(client, article):
    response = client.get(article.get_absolute_url())
    html = response.content.decode()

    assert 'id="feedback"' in html and "Was this page helpful?" in html
    assert f'hx-get="{feedback_url(article)}"' in html  # htmx loads it in place…
    assert f'<a href="{feedback_url(article)}">' in html  # …a plain link without JavaScript
    assert "csrftoken" not in response.cookies  # so visitors' copies can be cached


def test_the_form_itself_is_never_cached(client, article):
    response = client.get(feedback_url(article), **HTMX)

    assert response.status_code == 200
    assert 'name="helpful"' in response.content.decode()
    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]


def test_a_visitor_answers_with_htmx_and_is_thanked_in_place(client, article):
    response = client.post(feedback_url(article), answer(helpful="no", comment="Too long."), **HTMX)

    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    saved = ArticleFeedback.objects.get()
    assert (saved.article, saved.helpful, saved.comment) == (article, False, "Too long.")


def test_a_visitor_answers_without_javascript_and_returns_to_the_article(client, article):
    response = client.post(feedback_url(article), answer())

    assert response.status_code == 302
    assert response.url == f"{article.get_absolute_url()}#feedback"
    assert "Thank you" in client.get(response.url).content.decode()
    assert ArticleFeedback.objects.get().helpful is True


def test_an_answer_does_not_empty_the_visitors_page_cache(client, article):
    """Answers show only in the admin: a visitor posting them must not invalidate the
    article's cached page and fragments (core.versions), as an article change does."""
    names = [f"article:{article.pk}", "articles", versions.ANY]
    before = versions.current(names)
    with committed():
        client.post(feedback_url(article), answer(), **HTMX)
    after_answer = versions.current(names)
    with committed():
        article.save()

    assert ArticleFeedback.objects.count() == 1
    assert after_answer == before
    assert versions.current(names) != after_answer  # positive control: content writes move them


def test_a_double_submit_makes_one_row(client, article):
    data = answer(comment="Clear, thank you.")

    first = client.post(feedback_url(article), data, **HTMX)
    second = client.post(feedback_url(article), data, **HTMX)

    assert "Thank you" in first.content.decode() and "Thank you" in second.content.decode()
    assert ArticleFeedback.objects.count() == 1


def test_answers_are_rate_limited_per_address(client, settings, article):
    settings.PORTAL_POSTING_RATES = {
        **settings.PORTAL_POSTING_RATES, "article_feedback": ("2/h", "2/h")
    }  # fmt: skip
    for _ in range(2):
        assert client.post(feedback_url(article), answer(), **HTMX).status_code == 200

    refused = client.post(feedback_url(article), answer())
    other_address = Client(REMOTE_ADDR="203.0.113.9").post(feedback_url(article), answer())

    assert refused.status_code == 400
    assert "You can send 2 answers per hour" in refused.content.decode()
    assert other_address.status_code == 302  # another visitor is not held back
    assert ArticleFeedback.objects.count() == 3


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"helpful": ""}, "Please choose Yes or No."),
        ({"helpful": "maybe"}, "Select a valid choice."),
        ({"comment": "x" * (FEEDBACK_COMMENT_MAX_LENGTH + 1)},
         f"Ensure this value has at most {FEEDBACK_COMMENT_MAX_LENGTH} characters"),
        ({"comment": "bad \x07 bell"}, "cannot be saved"),
    ],
)  # fmt: skip
def test_bad_answers_are_refused_with_a_clear_message(client, article, fields, message):
    response = client.post(feedback_url(article), answer(**fields))

    assert response.status_code == 400
    assert message in response.content.decode()
    assert "<h1>Was “Hip replacement” helpful?</h1>" in response.content.decode()
    assert not ArticleFeedback.objects.exists()


def test_with_htmx_the_errors_replace_the_form_in_place(client, article):
    response = client.post(feedback_url(article), answer(helpful=""), **HTMX)

    html = response.content.decode()
    assert response.status_code == 200  # htmx swaps only 2xx answers
    assert "Please choose Yes or No." in html and 'name="helpful"' in html
    assert "<h1>" not in html  # the fragment, not a page
    assert not ArticleFeedback.objects.exists()


def test_the_form_checks_csrf(article):
    response = Client(enforce_csrf_checks=True).post(feedback_url(article), answer())

    assert response.status_code == 403
    assert not ArticleFeedback.objects.exists()


def test_drafts_take_no_answers(client, article):
    draft = make_article(status=Article.Status.DRAFT)

    assert client.post(feedback_url(draft), answer()).status_code == 404
    assert client.post(feedback_url(article), answer()).status_code == 302  # positive control
    assert ArticleFeedback.objects.get().article == article


def test_editors_read_the_counts_and_comments_per_article(client, editor, article):
    other = make_article(title="Ankle fusion")
    for helpful, comment in [(True, ""), (True, "Very clear."), (False, "Say more about pain.")]:
        ArticleFeedback.objects.create(
            article=article, helpful=helpful, comment=comment, form_token=uuid.uuid4()
        )
    ArticleFeedback.objects.create(
        article=other, helpful=False, comment="Not about hips.", form_token=uuid.uuid4()
    )
    client.force_login(editor)

    change_page = client.get(f"/admin/articles/article/{article.pk}/change/").content.decode()
    answers = client.get(
        f"/admin/articles/articlefeedback/?article__id__exact={article.pk}"
    ).content.decode()

    assert "2 yes, 1 no." in change_page
    assert f"?article__id__exact={article.pk}" in change_page
    assert "Very clear." in answers and "Say more about pain." in answers
    assert "<strong>2</strong> yes, <strong>1</strong> no" in answers
    assert "Not about hips." not in answers


@pytest.mark.parametrize("name", ["patient", "moderator"])
def test_members_and_moderators_do_not_read_the_answers(client, persona, article, name):
    ArticleFeedback.objects.create(
        article=article, helpful=False, comment="Private remark.", form_token=uuid.uuid4()
    )
    persona(name)

    response = client.get("/admin/articles/articlefeedback/")

    assert response.status_code in (302, 403)
    assert "Private remark." not in response.content.decode()
