"""Drafts, scheduled, hidden and deleted posts: who sees them where."""

import pytest
from django.urls import reverse
from django.utils import timezone

from blogs.models import BlogPost
from tests.blogs.factories import make_post

pytestmark = pytest.mark.django_db

LATER = timezone.timedelta(days=2)


def _not_public_posts(author):
    return {
        "draft": make_post(author=author, title="Secret draft", publication="draft"),
        "scheduled": make_post(
            author=author, title="Scheduled post", published_at=timezone.now() + LATER
        ),
        "hidden": make_post(author=author, title="Hidden post", status=BlogPost.Status.HIDDEN),
        "deleted": make_post(author=author, title="Deleted post", status=BlogPost.Status.DELETED),
    }


def _public_pages(author):
    return [
        reverse("blogs:post_list"),
        reverse("blogs:blog_detail", args=[author.username]),
        reverse("blogs:tag_detail", args=["knee"]),
        reverse("blogs:feed"),
        reverse("blogs:feed_atom"),
        reverse("blogs:blog_feed", args=[author.username]),
        reverse("blogs:tag_feed", args=["knee"]),
        reverse("sitemap"),
        reverse("home"),
    ]


def test_published_queryset_is_the_one_visibility_rule(patient):
    live = make_post(author=patient)
    _not_public_posts(patient)

    assert list(BlogPost.objects.published()) == [live]


def test_posts_not_public_appear_on_no_page_feed_or_sitemap(client, patient):
    make_post(author=patient, title="Public post", tags=["knee"])
    for post in _not_public_posts(patient).values():
        post.tags.set(["knee"])

    for url in _public_pages(patient):
        content = client.get(url).content.decode()

        assert "Public post" in content or url == reverse("sitemap")
        for title in ("Secret draft", "Scheduled post", "Hidden post", "Deleted post"):
            assert title not in content, (url, title)


@pytest.mark.parametrize("kind", ["draft", "scheduled", "hidden", "deleted"])
def test_visitor_and_other_member_get_404_for_posts_not_public(
    client, patient, other_patient, kind
):
    post = _not_public_posts(patient)[kind]
    public = make_post(author=patient)

    assert client.get(public.get_absolute_url()).status_code == 200
    assert client.get(post.get_absolute_url()).status_code == 404
    client.force_login(other_patient)
    assert client.get(post.get_absolute_url()).status_code == 404


@pytest.mark.parametrize("kind", ["draft", "scheduled", "hidden"])
def test_author_sees_own_posts_not_public(client, patient, kind):
    post = _not_public_posts(patient)[kind]
    client.force_login(patient)

    response = client.get(post.get_absolute_url())

    assert response.status_code == 200
    assert post.title in response.content.decode()


def test_author_does_not_see_own_deleted_post(client, patient):
    posts = _not_public_posts(patient)
    client.force_login(patient)

    assert client.get(posts["hidden"].get_absolute_url()).status_code == 200
    assert client.get(posts["deleted"].get_absolute_url()).status_code == 404


def test_moderator_sees_hidden_post_but_not_someone_elses_draft(client, patient, moderator):
    posts = _not_public_posts(patient)
    client.force_login(moderator)

    assert client.get(posts["hidden"].get_absolute_url()).status_code == 200
    assert client.get(posts["draft"].get_absolute_url()).status_code == 404


def test_scheduled_post_appears_by_itself_when_its_time_comes(client, patient, settings):
    post = make_post(author=patient, title="Tomorrow's post", tags=["knee"],
                     published_at=timezone.now() + timezone.timedelta(minutes=5))  # fmt: skip
    assert client.get(post.get_absolute_url()).status_code == 404

    BlogPost.objects.filter(pk=post.pk).update(
        published_at=timezone.now() - timezone.timedelta(seconds=1)
    )

    assert client.get(post.get_absolute_url()).status_code == 200
    for url in _public_pages(patient):
        assert "Tomorrow" in client.get(url).content.decode() or url == reverse("sitemap")
    assert post.get_absolute_url() in client.get(reverse("sitemap")).content.decode()


def test_blog_page_is_404_until_the_first_post_is_published(client, patient):
    make_post(author=patient, publication="draft")
    url = reverse("blogs:blog_detail", args=[patient.username])

    assert client.get(url).status_code == 404
    client.force_login(patient)
    owner_view = client.get(url)
    assert owner_view.status_code == 200
    assert "Not public yet" in owner_view.content.decode()


def test_blog_feed_for_member_without_posts_is_empty_not_an_error(client, patient):
    response = client.get(reverse("blogs:blog_feed", args=[patient.username]))

    assert response.status_code == 200
    assert b"<item>" not in response.content


def test_unknown_tag_and_tag_without_public_posts_are_404(client, patient):
    make_post(author=patient, publication="draft", tags=["secret"])
    make_post(author=patient, tags=["shown"])

    assert client.get(reverse("blogs:tag_detail", args=["shown"])).status_code == 200
    assert client.get(reverse("blogs:tag_detail", args=["nothing"])).status_code == 404
    assert client.get(reverse("blogs:tag_detail", args=["secret"])).status_code == 404


@pytest.mark.parametrize("page", ["0", "-1", "999", "abc", "1.5", ""])
def test_list_pagination_edges_never_500(client, patient, page):
    for _ in range(12):
        make_post(author=patient)

    response = client.get(reverse("blogs:post_list"), {"page": page})

    assert response.status_code == 200


@pytest.mark.parametrize("username", ["jo.smith", "a+b", "x-y_z", "zoë", "a.b+c-d_e"])
def test_blog_urls_accept_every_username_character(client, username):
    from tests.factories import make_user

    author = make_user(username=username)
    post = make_post(author=author)

    assert client.get(reverse("blogs:blog_detail", args=[username])).status_code == 200
    assert client.get(post.get_absolute_url()).status_code == 200
    assert client.get(reverse("blogs:blog_feed", args=[username])).status_code == 200


def test_stale_slug_and_username_redirect_to_the_canonical_url(client, patient):
    post = make_post(author=patient, title="First title")
    old = reverse("blogs:post_detail", args=[patient.username, post.pk, "old-slug"])

    response = client.get(old)

    assert response.status_code == 301
    assert response["Location"] == post.get_absolute_url()


def test_search_finds_a_scheduled_post_only_once_its_time_comes(client, patient, monkeypatch):
    make_post(author=patient, title="Osteotomy bicycle diary")
    make_post(author=patient, title="Osteotomy swimming diary",
              published_at=timezone.now() + LATER)  # fmt: skip
    make_post(author=patient, title="Osteotomy draft diary", publication="draft")
    before = client.get(reverse("search"), {"q": "osteotomy"}).content.decode()

    later = timezone.now() + LATER + timezone.timedelta(minutes=1)
    monkeypatch.setattr(timezone, "now", lambda: later)  # time passes; nothing is saved
    after = client.get(reverse("search"), {"q": "osteotomy"}).content.decode()

    assert "bicycle" in before and "swimming" not in before and "draft" not in before
    assert "swimming" in after and "draft" not in after


def test_search_drops_a_post_when_it_is_hidden(client, patient, moderator):
    make_post(author=patient, title="Osteotomy cycling diary")
    post = make_post(author=patient, title="Osteotomy rowing diary")
    before = client.get(reverse("search"), {"q": "osteotomy"}).content.decode()

    post.hide(by=moderator)

    after = client.get(reverse("search"), {"q": "osteotomy"}).content.decode()
    assert "rowing" in before
    assert "cycling" in after and "rowing" not in after
