"""The blog's place in the rest of the portal: home, articles, profiles, demo, data
export, admin, reserved usernames."""

import io

import pytest
from django.contrib.admin.sites import site
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse

from accounts.data_rights import export_user_data
from accounts.validators import validate_not_reserved
from blogs.admin import BlogPostAdmin, CommentAdmin
from blogs.models import BlogPost, Comment
from moderation.models import ModerationLogEntry
from tests.blogs.factories import make_comment, make_post
from tests.factories import make_article

pytestmark = pytest.mark.django_db


def test_home_lists_latest_posts_as_title_by_author_with_more_and_rss(client, patient):
    make_post(author=patient, title="Does Creatine cause Hair Loss?")

    html = client.get(reverse("home")).content.decode()

    assert "Does Creatine cause Hair Loss?" in html
    assert "By patient" in html
    assert "more Blogs" in html and reverse("blogs:feed") in html


def test_home_section_is_empty_without_posts(client, patient):
    empty = client.get(reverse("home")).content.decode()
    make_post(author=patient)

    assert "more Blogs" not in empty
    assert "more Blogs" in client.get(reverse("home")).content.decode()


def test_article_page_shows_related_public_posts_only(client, patient):
    article = make_article(title="Knee osteotomy")
    make_post(author=patient, title="My osteotomy", article=article)
    make_post(author=patient, title="Draft osteotomy", article=article, publication="draft")

    html = client.get(article.get_absolute_url()).content.decode()

    assert "My osteotomy" in html and "Draft osteotomy" not in html


def test_profile_shows_the_members_posts(client, patient):
    make_post(author=patient, title="Week one")

    assert "Week one" in client.get(patient.get_absolute_url()).content.decode()


def test_post_page_shows_related_other_posts_and_neighbours(client, patient, other_patient):
    older = make_post(author=patient, title="Older post", tags=["knee"])
    post = make_post(author=patient, title="Middle post", tags=["knee"])
    older.published_at = post.published_at.replace(year=post.published_at.year - 1)
    older.save()
    make_post(author=other_patient, title="Someone else on knees", tags=["knee"])

    response = client.get(post.get_absolute_url())

    html = response.content.decode()
    assert f'href="{older.get_absolute_url()}" rel="prev" data-member-content>← Older post' in html
    assert "Someone else on knees" in html and "More by patient" in html


def test_sitemap_lists_public_posts(client, patient):
    post = make_post(author=patient)

    assert post.get_absolute_url() in client.get(reverse("sitemap")).content.decode()


@pytest.mark.parametrize("name", ["feed", "tag", "new", "autosave", "settings",
                                  "posts", "comments", "Feed"])  # fmt: skip
def test_route_words_are_reserved_usernames(name):
    with pytest.raises(ValidationError):
        validate_not_reserved(name)


def test_demo_loads_the_seed_post_and_is_idempotent(db):
    call_command("load_demo", stdout=io.StringIO())
    count = BlogPost.objects.count()
    call_command("load_demo", stdout=io.StringIO())

    post = BlogPost.objects.get(title="Does Creatine cause Hair Loss?")
    assert post.author.username == "singhnri123" and post.is_live
    assert BlogPost.objects.count() == count >= 5
    assert BlogPost.objects.filter(article__slug="knee-osteotomy").exists()
    assert Comment.objects.exists() and post.tags.exists()
    assert post.comment_count == post.comments.visible().count()


def test_data_export_includes_posts_and_comments(patient):
    make_post(author=patient, title="Mine", tags=["knee"])
    make_comment(author=patient, body="My comment")

    data = export_user_data(patient)

    assert [p["title"] for p in data["blog_posts"]] == ["Mine"]
    assert data["blog_posts"][0]["tags"] == ["knee"]
    assert [c["body"] for c in data["blog_comments"]] == ["My comment"]


def _admin_request(user):
    request = RequestFactory().post("/admin/")
    request.user = user
    request._messages = type("M", (), {"add": lambda *a, **k: None})()
    return request


def test_admin_hide_action_uses_the_model_method_and_logs(moderator, patient):
    post = make_post(author=patient)
    comment = make_comment(post=post)
    request = _admin_request(moderator)

    BlogPostAdmin(BlogPost, site).hide_selected(request, BlogPost.objects.all())
    CommentAdmin(Comment, site).hide_selected(request, Comment.objects.all())

    post.refresh_from_db()
    comment.refresh_from_db()
    assert post.is_hidden and post.moderated_by == moderator
    assert comment.is_hidden
    assert ModerationLogEntry.objects.filter(action="hide").count() == 2


def test_admin_moderate_actions_need_a_moderator(editor, moderator):
    admin = BlogPostAdmin(BlogPost, site)

    assert not admin.has_moderate_permission(_admin_request(editor))
    assert admin.has_moderate_permission(_admin_request(moderator))


def test_admin_changelists_open_for_moderators(client, moderator, patient):
    make_comment(post=make_post(author=patient))
    client.force_login(moderator)

    for name in ["blogpost", "comment"]:
        assert client.get(reverse(f"admin:blogs_{name}_changelist")).status_code == 200


def test_admin_change_pages_open_read_only_for_moderators(client, moderator, patient):
    post = make_post(author=patient, tags=["knee"])
    comment = make_comment(post=post)
    client.force_login(moderator)

    for name, obj in [("blogpost", post), ("comment", comment)]:
        response = client.get(reverse(f"admin:blogs_{name}_change", args=[obj.pk]))
        assert response.status_code == 200
        assert 'name="body"' not in response.content.decode()
