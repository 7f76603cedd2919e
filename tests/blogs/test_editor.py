"""The blog editor: "Save draft" and "Publish" are two buttons (nothing preselected, a
draft unless Publish is pressed), the preview sits above the buttons, times are in the
member's time zone, and autosaves are never posts (purged after 30 days)."""

import datetime
import uuid
from io import StringIO

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from blogs.forms import BlogPostForm
from blogs.models import BlogPost
from blogs.posting import autosave_draft, save_post
from tests.blogs.factories import make_post, post_data
from tests.factories import make_user

pytestmark = pytest.mark.django_db


def editor_page(client) -> str:
    response = client.get(reverse("blogs:post_create"))
    assert response.status_code == 200
    return response.content.decode()


def test_the_editor_has_save_draft_then_publish_and_nothing_preselected(client, patient):
    client.force_login(patient)

    html = editor_page(client)

    draft = html.index('<button type="submit" name="publication" value="draft"')
    publish = html.index('<button type="submit" name="publication" value="published"')
    assert ">Save draft</button>" in html and ">Publish</button>" in html
    assert draft < publish  # Enter in a text field presses the first one: the draft
    assert html.index('id="post-preview"') < draft  # the preview comes before the buttons
    assert 'type="radio" name="publication"' not in html
    assert "checked" not in html[html.index("<form") : html.index("</form>")].replace(
        'name="comments_enabled" class="checkboxinput form-check-input" checked', ""
    )


def test_save_draft_keeps_the_post_private(client, patient):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(publication="draft"))

    post = BlogPost.objects.get()
    assert response.status_code == 302
    assert post.is_draft and not post.is_live
    assert post.title not in client.get(reverse("blogs:post_list")).content.decode()


def test_publish_makes_it_public(client, patient):
    client.force_login(patient)

    client.post(reverse("blogs:post_create"), post_data(publication="published"))

    post = BlogPost.objects.get()
    assert post.is_live
    assert post.title in client.get(reverse("blogs:post_list")).content.decode()


def test_a_submit_without_a_button_saves_a_draft_never_a_publication(client, patient):
    client.force_login(patient)

    response = client.post(reverse("blogs:post_create"), post_data(publication=None))

    assert response.status_code == 302
    assert BlogPost.objects.get().is_draft


def test_a_published_post_offers_save_changes_and_return_to_draft(client, patient):
    post = make_post(author=patient, title="Week one")
    client.force_login(patient)

    html = client.get(reverse("blogs:post_edit", args=[post.pk])).content.decode()
    kept = client.post(
        reverse("blogs:post_edit", args=[post.pk]), post_data(title="Week one", publication=None)
    )

    assert ">Save changes</button>" in html and ">Return to draft</button>" in html
    assert ">Publish</button>" not in html
    assert kept.status_code == 302
    post.refresh_from_db()
    assert post.is_live  # no button: it stays as it was


def test_publication_time_is_read_and_shown_in_the_members_time_zone(client, patient):
    patient.time_zone = "Europe/Paris"
    patient.save()
    client.force_login(patient)
    html = editor_page(client)

    scheduled = client.post(
        reverse("blogs:post_create"),
        post_data(publication="published", published_at="2030-06-01T09:30"),
        follow=True,
    ).content.decode()

    post = BlogPost.objects.get()
    assert "Publication time (Europe/Paris)" in html
    assert post.published_at == datetime.datetime(2030, 6, 1, 7, 30, tzinfo=datetime.UTC)
    assert "it appears by itself on 1 Jun 2030, 09:30 CEST." in scheduled  # the message
    assert "appears by itself on <time" in scheduled and "1 Jun 2030, 09:30 CEST" in scheduled
    edit = client.get(reverse("blogs:post_edit", args=[post.pk])).content.decode()
    assert 'value="2030-06-01T09:30"' in edit


# Autosaves: never posts, anywhere.


def autosave(client, token, title="Half written", body="First lines"):
    return client.post(
        reverse("blogs:autosave"), {"form_token": str(token), "title": title, "body": body}
    )


def test_an_autosave_is_never_shown_as_a_post(client, patient):
    kept = make_post(author=patient, title="A real draft", publication="draft")
    client.force_login(patient)
    autosave(client, uuid.uuid4(), title="Typed, never saved")
    typed = BlogPost.objects.get(is_autosave=True)

    my_blog = client.get(reverse("blogs:blog_detail", args=[patient.username])).content.decode()
    own_page = client.get(reverse("blogs:post_redirect", args=[patient.username, typed.pk]))
    admin_client = client.__class__()
    admin_client.force_login(make_user(role="moderator"))
    admin_list = admin_client.get("/admin/blogs/blogpost/").content.decode()

    assert kept.title in my_blog and "Typed, never saved" not in my_blog
    assert own_page.status_code == 404
    assert "Typed, never saved" not in admin_list and kept.title in admin_list


def test_the_editor_offers_to_continue_an_unfinished_post(client, patient):
    client.force_login(patient)
    autosave(client, uuid.uuid4(), title="Day three", body="The swelling")
    typed = BlogPost.objects.get()

    html = editor_page(client)
    continued = client.get(reverse("blogs:post_edit", args=[typed.pk]))

    assert "You have an unfinished post, “Day three”" in html
    assert reverse("blogs:post_edit", args=[typed.pk]) in html
    assert continued.status_code == 200 and "The swelling" in continued.content.decode()


def test_saving_an_autosave_makes_it_a_post(client, patient):
    client.force_login(patient)
    token = uuid.uuid4()
    autosave(client, token)

    client.post(reverse("blogs:post_create"), post_data(form_token=str(token), publication="draft"))

    post = BlogPost.objects.get()
    assert not post.is_autosave and post.is_draft
    assert (
        post.title
        in client.get(reverse("blogs:blog_detail", args=[patient.username])).content.decode()
    )


def test_an_autosave_landing_while_the_draft_is_saved_still_becomes_the_draft(patient):
    """The editor's last autosave request may be in flight when its author presses Save:
    the autosave inserts the row first, and the save must take it over, not leave it an
    autosave (which nobody can open)."""
    token = uuid.uuid4()
    form = BlogPostForm(
        post_data(form_token=str(token), publication="draft", title="Week three"), author=patient
    )
    assert form.is_valid(), form.errors
    autosave_draft(author=patient, token=token, title="Week th", body="Stairs are")

    post, _check = save_post(form=form, author=patient)

    saved = BlogPost.objects.get()
    assert saved.pk == post.pk
    assert not saved.is_autosave and saved.is_draft
    assert saved.title == "Week three" and "end of the street" in saved.body
    assert set(saved.tags.names()) == {"knee", "week 2"}


def test_purge_deletes_old_autosaves_and_keeps_recent_ones_and_saved_posts(patient):
    now = timezone.now()
    old_autosave = make_post(author=patient, publication="draft", is_autosave=True)
    recent_autosave = make_post(author=patient, publication="draft", is_autosave=True)
    old_draft = make_post(author=patient, publication="draft")
    old_published = make_post(author=patient)
    BlogPost.objects.exclude(pk=recent_autosave.pk).update(
        updated_at=now - datetime.timedelta(days=31)
    )
    BlogPost.objects.filter(pk=recent_autosave.pk).update(
        updated_at=now - datetime.timedelta(days=29)
    )
    out = StringIO()

    call_command("purge_expired", stdout=out)

    remaining = set(BlogPost.objects.values_list("pk", flat=True))
    assert remaining == {recent_autosave.pk, old_draft.pk, old_published.pk}
    assert old_autosave.pk not in remaining
    assert "abandoned blog autosaves: 1" in out.getvalue()
