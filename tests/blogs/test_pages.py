"""Every blog page renders for every persona against a small data set (template smoke)."""

import pytest
from django.urls import reverse

from moderation.links import moderation_url
from tests.blogs.factories import make_comment, make_post
from tests.factories import make_article

pytestmark = pytest.mark.django_db


@pytest.fixture
def blog_data(patient, other_patient, moderator):
    article = make_article(warning_signs=[("Fever", "fever")])
    post = make_post(author=patient, title="Knee diary", tags=["knee"], article=article)
    make_post(author=patient, title="Knee diary 2", tags=["knee"])
    parent = make_comment(post=post, author=other_patient)
    make_comment(post=post, author=patient, parent=parent)
    make_comment(post=post, author=other_patient).hide(by=moderator)
    make_comment(post=post, author=other_patient).delete_by_author(by=other_patient)
    make_post(author=patient, title="Draft", publication="draft")
    return post


@pytest.mark.parametrize("who", ["visitor", "patient", "other_patient", "moderator"])
def test_every_reading_page_renders(client, request, who, blog_data):
    if who != "visitor":
        client.force_login(request.getfixturevalue(who))
    urls = [
        reverse("blogs:post_list"),
        reverse("blogs:blog_detail", args=["patient"]),
        reverse("blogs:tag_detail", args=["knee"]),
        blog_data.get_absolute_url(),
        blog_data.get_absolute_url() + "?reply_to=abc",
        reverse("home"),
        blog_data.article.get_absolute_url(),
        reverse("accounts:profile", args=["patient"]),
    ]
    for url in urls:
        response = client.get(url)

        assert response.status_code == 200, url
        assert response.content.decode().count("<h1") == 1, url


@pytest.mark.parametrize("who", ["patient", "other_patient", "moderator"])
def test_member_forms_render(client, request, who, blog_data):
    client.force_login(request.getfixturevalue(who))

    for url in [reverse("blogs:post_create"), reverse("blogs:blog_settings")]:
        assert client.get(url).status_code == 200


def test_edit_page_shows_the_current_text(client, patient, blog_data):
    client.force_login(patient)

    response = client.get(reverse("blogs:post_edit", args=[blog_data.pk]))

    assert response.status_code == 200
    assert "Knee diary" in response.content.decode()
    assert 'type="datetime-local"' in response.content.decode()


def test_preview_uses_the_linked_articles_warning_signs(client, patient, blog_data):
    client.force_login(patient)

    response = client.post(
        reverse("preview"), {"body": "A fever tonight", "article": blog_data.article.pk}
    )

    assert 'data-safety-level="sign"' in response.content.decode()
    assert "Fever" in response.content.decode()


def test_preview_shows_contact_details_prompt(client, patient):
    client.force_login(patient)

    response = client.post(reverse("preview"), {"body": "ring 0161 496 0000"})

    assert "This will be public" in response.content.decode()


def test_comment_placeholders_and_owner_actions(client, patient, blog_data):
    client.force_login(patient)

    html = client.get(blog_data.get_absolute_url()).content.decode()

    assert "Hidden by a moderator." in html and "Deleted by its author." in html
    assert reverse("blogs:post_edit", args=[blog_data.pk]) in html
    assert moderation_url("hide", blog_data) not in html


def test_moderator_sees_hide_buttons_not_edit(client, moderator, blog_data):
    client.force_login(moderator)

    html = client.get(blog_data.get_absolute_url()).content.decode()

    assert moderation_url("hide", blog_data) in html
    assert reverse("blogs:post_edit", args=[blog_data.pk]) not in html
