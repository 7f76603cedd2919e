"""Images in posts and comments: uploaded from the composer, validated and re-encoded
without metadata (core.images), private until posted, then shown only to readers of what
they were posted in, from our own host; new members' limits."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone
from PIL import Image

from blogs.models import Comment
from core.markdown import render_markdown
from core.models import MemberImage
from forums.models import Post
from forums.posting import image_scope
from moderation import services
from tests.blogs.factories import image_upload
from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_member_image, make_user
from tests.forums.factories import make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _generous_posting(settings):
    settings.PORTAL_POSTING_RATES = {
        **settings.PORTAL_POSTING_RATES,
        "forum_post": ("1000/m", "1000/m"),
        "blog_comment": ("1000/m", "1000/m"),
    }


@pytest.fixture
def seasoned(db):
    """A member past the new-member limits."""
    joined = timezone.now() - timezone.timedelta(days=400)
    return make_user(username="seasoned", post_count=50, date_joined=joined)


def _upload(client, upload, alt="My knee scar, week two"):
    return client.post(reverse("image_upload"), {"image": upload, "alt_text": alt})


def _jpeg_with_exif() -> bytes:
    exif = Image.Exif()
    exif[0x010F] = "PhoneMaker"  # camera make
    exif[0x8825] = {1: "N", 2: (51.0, 30.0, 0.0)}  # GPS position
    buffer = io.BytesIO()
    Image.new("RGB", (60, 40), (10, 120, 200)).save(buffer, format="JPEG", exif=exif)
    return buffer.getvalue()


def test_an_upload_is_reencoded_without_its_metadata(client, patient):
    original = _jpeg_with_exif()
    assert Image.open(io.BytesIO(original)).getexif()  # positive control: it had EXIF
    client.force_login(patient)

    response = _upload(client, SimpleUploadedFile("p.jpg", original, content_type="image/jpeg"))

    assert response.status_code == 201
    image = MemberImage.objects.get()
    stored = Image.open(image.file.open("rb"))
    assert stored.format == "JPEG" and not stored.getexif()
    assert b"PhoneMaker" not in image.file.open("rb").read()
    url = image.get_absolute_url()
    assert response.json() == {"url": url, "markdown": f"![My knee scar, week two]({url})"}
    assert (image.owner, image.scope) == (patient, "")


def test_a_file_that_is_not_an_image_is_refused(client, patient):
    client.force_login(patient)

    response = _upload(client, SimpleUploadedFile("x.jpg", b"not an image", "image/jpeg"))

    assert response.status_code == 400
    assert "not an image we can read" in response.json()["error"]
    assert not MemberImage.objects.exists()


def test_a_too_big_image_is_refused(client, patient, settings, monkeypatch):
    from core import images

    monkeypatch.setattr(images, "MAX_BYTES", 1000)
    client.force_login(patient)

    response = _upload(client, image_upload(size=(300, 300), fmt="BMP"))

    assert response.status_code == 400
    assert "the limit is 1000" in response.json()["error"]
    assert not MemberImage.objects.exists()


def test_alt_text_is_required(client, patient):
    client.force_login(patient)

    refused = _upload(client, image_upload(), alt="   ")
    accepted = _upload(client, image_upload(), alt="A bruise")

    assert refused.status_code == 400
    assert "describe the picture" in refused.json()["error"]
    assert accepted.status_code == 201 and MemberImage.objects.count() == 1


def test_new_members_upload_five_images_a_day(client, patient, seasoned):
    client.force_login(patient)

    answers = [_upload(client, image_upload()).status_code for _ in range(6)]

    assert answers == [201] * 5 + [429]
    assert MemberImage.objects.count() == 5
    client.force_login(seasoned)  # positive control: the ordinary limit is higher
    assert _upload(client, image_upload()).status_code == 201


def test_new_members_show_two_images_per_post(client, patient, seasoned):
    thread = make_thread()
    three = "\n".join(
        f"![x]({make_member_image(owner=patient).get_absolute_url()})" for _ in range(3)
    )
    client.force_login(patient)
    url = reverse("forums:post_create", args=[thread.pk])

    refused = client.post(url, {"body": three})
    two = client.post(url, {"body": "\n".join(three.splitlines()[:2])})

    assert refused.status_code == 200
    assert "show 2 images per post; this one has 3" in refused.content.decode()
    assert two.status_code == 302
    client.force_login(seasoned)
    assert client.post(url, {"body": three}).status_code == 302


def test_an_image_is_private_until_posted_then_follows_the_thread(client, patient, other_patient):
    image = make_member_image(owner=patient)
    thread = make_thread()
    url = image.get_absolute_url()
    client.force_login(other_patient)
    before = client.get(url)
    client.force_login(patient)
    mine = client.get(url)

    client.post(
        reverse("forums:post_create", args=[thread.pk]), {"body": f"Scar: ![My scar]({url})"}
    )
    image.refresh_from_db()
    client.logout()
    after = client.get(url)

    assert (before.status_code, mine.status_code) == (404, 200)
    assert image.scope == image_scope(thread.pk)
    assert after.status_code == 200 and after["Content-Type"] == "image/jpeg"
    post = Post.objects.get(author=patient)
    assert f'<img src="{url}" alt="My scar">' in post.body_html


def test_a_held_posts_image_stays_private_until_a_moderator_publishes_it(
    client, patient, moderator, settings
):
    thread = make_thread()
    image = make_member_image(owner=patient)
    settings.PORTAL_HOLD_FIRST_POSTS = 3  # the patient's first posts wait for a moderator
    client.force_login(patient)
    response = client.post(
        reverse("forums:post_create", args=[thread.pk]),
        {"body": f"![x]({image.get_absolute_url()})"},
    )
    assert response.status_code == 302
    held = Post.objects.get(author=patient)
    image.refresh_from_db()
    assert held.is_held and image.scope == ""

    services.approve(target=held, moderator=moderator)

    image.refresh_from_db()
    assert image.scope == image_scope(thread.pk)


def test_images_of_a_hidden_thread_are_shown_only_to_who_may_read_it(
    client, patient, other_patient, moderator
):
    thread = make_thread(author=patient)
    image = make_member_image(owner=patient, scope=image_scope(thread.pk))
    thread.hide(by=moderator)
    url = image.get_absolute_url()

    client.force_login(other_patient)
    stranger = client.get(url)
    client.force_login(moderator)
    staff = client.get(url)

    assert (stranger.status_code, staff.status_code) == (404, 200)


def test_images_are_never_served_by_the_public_media_view(client, patient):
    image = make_member_image(owner=patient, scope=image_scope(make_thread().pk))

    direct = client.get(f"/media/{image.file.name}")
    sneaky = client.get(f"/media/./{image.file.name}")

    assert (direct.status_code, sneaky.status_code) == (404, 404)
    assert client.get(image.get_absolute_url()).status_code == 200  # its own view serves it


def test_only_our_own_image_addresses_render():
    key = "a" * 32

    html = render_markdown(
        f"![ours](/images/{key}/) ![theirs](https://tracker.example/p.png) "
        f"![trick](//evil.example/images/{key}/) <img src=/media/x.jpg alt=y>"
    )

    assert f'<img src="/images/{key}/" alt="ours">' in html
    assert html.count("src=") == 1


def test_a_comment_image_follows_its_blog_post(client, patient, other_patient):
    post = make_blog_post(author=other_patient)
    image = make_member_image(owner=patient)
    client.force_login(patient)

    client.post(
        reverse("blogs:comment_create", args=[post.pk]),
        {"body": f"Mine healed like this: ![scar]({image.get_absolute_url()})"},
    )

    image.refresh_from_db()
    assert Comment.objects.filter(author=patient).exists()
    assert image.scope == f"blogs.post:{post.pk}"
    client.logout()
    assert client.get(image.get_absolute_url()).status_code == 200


def test_suspended_or_signed_out_members_cannot_upload(client):
    response = client.post(reverse("image_upload"), {"image": image_upload(), "alt_text": "x"})

    assert response.status_code == 302 and not MemberImage.objects.exists()


def test_the_composer_reminds_who_sees_images(client, patient):
    thread = make_thread()
    client.force_login(patient)

    page = client.get(thread.get_absolute_url()).content.decode()

    assert "Everyone who can read this will see the image" in page
    assert "leave out faces and documents" in page
    assert 'id="composer-image-alt"' in page and "Describe the image (required)" in page
