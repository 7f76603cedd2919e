"""Tags become addresses (/blogs/tag/<slug>/): a tag without one is refused where it enters,
skipped where it shows, and moderators and editors can tidy tags in the admin."""

import pytest
from django.contrib.admin.helpers import ACTION_CHECKBOX_NAME
from django.urls import reverse
from taggit.models import Tag, TaggedItem

from blogs.models import BlogPost
from blogs.tagging import merge_tags
from tests.blogs.factories import make_post, post_data

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("tag", ["!!!", '">"', "...", "—"])
def test_a_tag_of_punctuation_only_is_refused_with_a_message(client, patient, tag):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(tags=f"knee, {tag}"))

    assert response.status_code == 200
    assert "needs at least one letter or digit" in str(response.context["form"].errors["tags"])
    assert not BlogPost.objects.exists()


def test_a_tag_in_any_alphabet_is_accepted(client, patient):
    client.force_login(patient)

    client.post(reverse("blogs:post_create"), post_data(tags="колено, 膝"))

    assert sorted(Tag.objects.values_list("slug", flat=True)) == ["колено", "膝"]


def test_a_tag_without_an_address_breaks_no_page(client, patient):
    post = make_post(author=patient, tags=["knee"])
    broken = Tag.objects.create(name="!!!", slug="")
    post.tags.add(broken)
    urls = [reverse("blogs:post_list"), reverse("blogs:blog_detail", args=[patient.username]),
            post.get_absolute_url(), reverse("blogs:tag_detail", args=["knee"]), reverse("home")]  # fmt: skip

    for url in urls:
        response = client.get(url)

        assert response.status_code == 200, url
        assert "!!!" not in response.content.decode(), url


def test_merging_keeps_every_post_tagged_once(patient):
    knee, knees, knee_op = (Tag.objects.create(name=name) for name in ("knee", "knees", "Knee"))
    both = make_post(author=patient, tags=[knee, knees])
    only_old = make_post(author=patient, tags=[knees, knee_op])
    make_post(author=patient, tags=[knee])

    kept = merge_tags([knees, knee, knee_op])

    assert kept == knee
    assert list(Tag.objects.values_list("name", flat=True)) == ["knee"]
    assert [t.name for t in both.tags.all()] == [t.name for t in only_old.tags.all()] == ["knee"]
    assert TaggedItem.objects.count() == 3


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_moderators_and_editors_rename_tags(client, request, who):
    client.force_login(request.getfixturevalue(who))
    tag = Tag.objects.create(name="!!!", slug="")

    assert client.get(reverse("admin:taggit_tag_changelist")).status_code == 200
    response = client.post(
        reverse("admin:taggit_tag_change", args=[tag.pk]), {"name": "knee", "slug": "knee"}
    )

    assert response.status_code == 302
    tag.refresh_from_db()
    assert (tag.name, tag.slug) == ("knee", "knee")


@pytest.mark.parametrize("who", ["moderator", "editor"])
def test_moderators_and_editors_merge_and_delete_tags(client, request, who):
    client.force_login(request.getfixturevalue(who))
    tags = [make_post(tags=[name]).tags.get() for name in ("knee", "knees", "spam")]
    changelist = reverse("admin:taggit_tag_changelist")

    client.post(changelist, {"action": "merge_selected",
                             ACTION_CHECKBOX_NAME: [tags[0].pk, tags[1].pk]})  # fmt: skip
    client.post(reverse("admin:taggit_tag_delete", args=[tags[2].pk]), {"post": "yes"})

    assert list(Tag.objects.values_list("name", flat=True)) == ["knee"]


def test_members_cannot_open_the_tag_admin(client, patient):
    client.force_login(patient)

    response = client.get(reverse("admin:taggit_tag_changelist"))

    assert response.status_code == 302
