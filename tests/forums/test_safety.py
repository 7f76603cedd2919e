import pytest
from django.urls import reverse

from forums.models import Post
from forums.safety import check_safety, contact_details
from moderation.models import Report
from tests.factories import make_article
from tests.forums.factories import make_forum, make_thread

pytestmark = pytest.mark.django_db


@pytest.fixture
def osteotomy():
    return make_article(
        title="Knee osteotomy",
        warning_signs=[("Fever or chills", "fever, chills, temperature"),
                       ("Drainage from the wound", "drainage, pus, oozing")],
    )  # fmt: skip


def test_check_matches_warning_sign_keywords_and_emergency_words(osteotomy):
    result = check_safety("I have a Fever and some chest pain", [osteotomy.pk])

    assert result.signs == ["Fever or chills"]
    assert result.words == ["fever", "chest pain"]


def test_check_needs_whole_words(osteotomy):
    assert not check_safety("The feverfew tea is nice", [osteotomy.pk])


def test_check_handles_curly_apostrophes():
    assert check_safety("I can’t breathe well", []).words == ["can't breathe"]


def test_reply_mentioning_a_sign_shows_the_notice_and_is_flagged(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_create", args=[thread.pk]),
        {"body": "Some drainage from the wound today"},
        follow=True,
    )

    post = Post.objects.get(author=patient)
    page = response.content.decode()
    assert post.is_published
    assert "Drainage from the wound" in page
    assert "contact your surgeon or urgent care" in page
    assert "in an emergency call your local emergency number" in page
    report = Report.objects.get()
    assert (report.target, report.reason, report.reporter) == (post, "safety", None)


def test_notice_shows_once(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)
    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": "fever"}, follow=True)

    again = client.get(thread.get_absolute_url() + "?page=1").content.decode()

    assert "It mentions something that can be a warning sign" not in again


def test_new_thread_in_a_procedure_forum_is_checked(client, patient, osteotomy):
    forum = make_forum(articles=[osteotomy])
    client.force_login(patient)

    client.post(
        reverse("forums:thread_create", args=[forum.slug]),
        {"title": "Worried", "body": "High temperature tonight"},
    )

    assert Report.objects.filter(reason="safety").count() == 1


def test_calm_posts_are_not_flagged(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)

    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": "Walking better!"})

    assert not Report.objects.exists()


def test_live_check_shows_the_notice_before_posting(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_check") + f"?thread={thread.pk}", {"body": "bit of a fever"}
    )

    assert "Fever or chills" in response.content.decode()
    assert not Post.objects.filter(author=patient).exists()


def test_live_check_for_a_new_thread_uses_the_chosen_procedure(client, patient, osteotomy):
    forum = make_forum()
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_check") + f"?forum={forum.pk}",
        {"body": "pus", "article": osteotomy.pk},
    )

    assert "Drainage from the wound" in response.content.decode()


@pytest.mark.parametrize(
    "text",
    ["mail me at jo.bloggs@example.com", "call 07700 900123", "ring +44 (0)20 7946 0958"],
)
def test_contact_details_are_found(text):
    assert contact_details(text)


@pytest.mark.parametrize("text", ["I walked 5000 steps", "Day 12 after surgery, 2018-07-16"])
def test_ordinary_numbers_are_not_contact_details(text):
    assert not contact_details(text)


def test_contact_details_prompt_before_posting_then_post_anyway(client, patient):
    thread = make_thread()
    client.force_login(patient)
    url = reverse("forums:post_create", args=[thread.pk])
    body = "Text me on 07700 900123"

    prompt = client.post(url, {"body": body})
    assert prompt.status_code == 200
    assert "This will be public — remove personal details?" in prompt.content.decode()
    assert not Post.objects.filter(author=patient).exists()

    confirmed = client.post(url, {"body": body, "publish_anyway": "on"})
    assert confirmed.status_code == 302
    assert Post.objects.filter(author=patient).exists()


def test_live_check_mentions_contact_details(client, patient):
    thread = make_thread()
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_check") + f"?thread={thread.pk}", {"body": "a@b.org"}
    )

    assert "This will be public" in response.content.decode()
