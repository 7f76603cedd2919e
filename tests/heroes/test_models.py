import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import IntegrityError

from heroes.links import name_key, split_honorific, validate_own_site_url
from heroes.models import Hero
from heroes.nominating import submit_nomination
from tests.heroes.factories import make_hero, make_nomination


@pytest.mark.parametrize(
    "url",
    ["/articles/knee-osteotomy/", "/videos/x/?t=3#part", "http://127.0.0.1:8000/blogs/post/"],
)
def test_featured_link_on_our_site_is_accepted(url):
    validate_own_site_url(url)


@pytest.mark.parametrize(
    "url",
    ["https://example.com/interview", "//evil.example/x", "javascript:alert(1)",
     "http://127.0.0.1.evil.example/", "ftp://127.0.0.1/file", "articles/no-slash"],
)  # fmt: skip
def test_featured_link_elsewhere_is_refused(url):
    with pytest.raises(ValidationError):
        validate_own_site_url(url)


@pytest.mark.django_db
def test_featured_link_on_our_domain_is_shown_as_a_path():
    hero = make_hero(featured_title="Talk", featured_url="http://127.0.0.1:8000/videos/talk/")

    assert hero.featured_link == "/videos/talk/"


@pytest.mark.django_db
def test_a_featured_piece_that_is_not_online_says_so_instead_of_linking_to_itself(client):
    """The seed's "Preventing Knee Surgery" linked back to the hero's own page."""
    offline = make_hero(featured_title="Preventing Knee Surgery")
    online = make_hero(featured_title="Talk", featured_url="/videos/talk/")

    offline_page = client.get(offline.get_absolute_url()).content.decode()
    online_page = client.get(online.get_absolute_url()).content.decode()

    assert offline.featured_link == ""
    assert 'Preventing Knee Surgery <span class="text-body-secondary">(not online)</span>' in (
        offline_page
    )
    assert f'<a href="{offline.get_absolute_url()}">Preventing' not in offline_page
    assert '<a href="/videos/talk/">Talk</a>' in online_page


def test_names_are_matched_without_honorific_case_accents_or_punctuation():
    assert name_key("Dr. José  O'Neil-Smith") == name_key("jose oneil smith") == "jose oneil smith"
    assert split_honorific("Prof. Ada Lovelace") == ("Prof.", "Ada Lovelace")
    assert split_honorific("Ada") == ("", "Ada")


@pytest.mark.django_db
def test_photo_needs_a_description():
    hero = make_hero()
    hero.photo = "heroes/photos/x.png"

    with pytest.raises(ValidationError) as error:
        hero.full_clean()

    assert "photo_alt" in error.value.message_dict


@pytest.mark.django_db
def test_photo_upload_must_be_an_image(client, editor, settings):
    settings.ADMIN_REQUIRE_MFA = False
    from django.urls import reverse

    hero = make_hero()
    client.force_login(editor)
    fake = SimpleUploadedFile("x.png", b"not really a png", content_type="image/png")
    data = {"honorific": "Dr.", "name": hero.name, "slug": hero.slug, "status": "published",
            "photo": fake, "photo_alt": "A photo"}  # fmt: skip

    response = client.post(reverse("admin:heroes_hero_change", args=[hero.pk]), data)

    assert response.status_code == 200
    assert "photo" in response.context["adminform"].form.errors
    hero.refresh_from_db()
    assert not hero.photo


@pytest.mark.django_db
def test_hero_account_must_be_a_verified_surgeon():
    from tests.factories import make_user

    hero = make_hero(account=make_user())

    with pytest.raises(ValidationError) as error:
        hero.full_clean()

    assert "account" in error.value.message_dict


@pytest.mark.django_db
def test_bio_markdown_is_sanitised():
    hero = make_hero(bio="<script>alert(1)</script>**kind**")

    assert "<script>" not in hero.bio_html and "<strong>kind</strong>" in hero.bio_html


@pytest.mark.django_db
def test_database_refuses_a_nomination_without_consent():
    with pytest.raises(IntegrityError):
        make_nomination(consent_to_policy=False)


@pytest.mark.django_db
def test_database_refuses_a_second_pending_nomination_of_the_same_surgeon(patient):
    make_nomination(nominator=patient, surgeon_name="Dr. Same")

    with pytest.raises(IntegrityError):
        make_nomination(nominator=patient, surgeon_name="dr same")


@pytest.mark.django_db
def test_submit_race_returns_the_pending_nomination(patient):
    from heroes.models import Nomination

    first = make_nomination(nominator=patient, surgeon_name="Dr. Same")
    racing = Nomination(surgeon_name="Dr. Same", relationship="patient", story="x" * 250,
                        consent_to_policy=True)  # fmt: skip

    assert submit_nomination(nominator=patient, nomination=racing) == first
    assert Hero.objects.count() == 0


@pytest.mark.django_db
def test_photo_over_5_mb_is_refused():
    from django.core.files.base import ContentFile

    from heroes.models import PHOTO_MAX_BYTES

    hero = make_hero(photo_alt="A photo")
    hero.photo.save("big.png", ContentFile(b"0" * (PHOTO_MAX_BYTES + 1)), save=False)
    hero.photo._committed = False  # as a fresh upload is, before the model is saved

    with pytest.raises(ValidationError) as error:
        hero.full_clean()

    assert "photo" in error.value.message_dict


@pytest.mark.django_db
def test_editor_uploads_a_real_photo_into_our_media(client, editor, settings):
    import io

    from django.urls import reverse
    from PIL import Image

    settings.ADMIN_REQUIRE_MFA = False
    hero = make_hero()
    buffer = io.BytesIO()
    Image.new("RGB", (20, 20), (10, 20, 30)).save(buffer, format="PNG")
    upload = SimpleUploadedFile("face.png", buffer.getvalue(), content_type="image/png")
    data = {"honorific": "Dr.", "name": hero.name, "slug": hero.slug, "status": "published",
            "photo": upload, "photo_alt": "Smiling, in scrubs"}  # fmt: skip
    client.force_login(editor)

    response = client.post(reverse("admin:heroes_hero_change", args=[hero.pk]), data)

    assert response.status_code == 302
    hero.refresh_from_db()
    assert hero.photo.name.startswith("heroes/photos/face")
    assert hero.photo.url.startswith(settings.MEDIA_URL)


@pytest.mark.django_db
def test_database_refuses_a_nomination_without_a_nominee(patient):
    from heroes.models import Nomination

    with pytest.raises(IntegrityError):
        Nomination.objects.create(nominator=patient, relationship="patient", story="x" * 250,
                                  consent_to_policy=True)  # fmt: skip
