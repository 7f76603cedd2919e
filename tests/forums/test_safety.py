"""The forums use the one safety check: notices by level, flags with their level, the
live check's data-safety-level, the readers' banner."""

import pytest
from django.urls import reverse

from forums.models import Post
from forums.posting import check_text
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


def test_check_matches_the_threads_warning_signs_and_emergencies(osteotomy):
    result = check_text("I have a Fever and some chest pain", [osteotomy.pk])

    assert result.signs == ("Fever or chills",)
    assert result.level == "emergency"


def test_check_needs_whole_words(osteotomy):
    assert check_text("The feverfew tea is nice", [osteotomy.pk]).level == "none"


def test_check_handles_curly_apostrophes():
    assert check_text("I can’t breathe well", []).level == "emergency"


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
    assert post.is_visible
    assert response.redirect_chain[-1][0].endswith("#safety-notice")
    assert 'data-safety-level="sign"' in page
    assert "Drainage from the wound" in page
    assert "Contact your surgeon's team today" in page
    report = Report.objects.get()
    assert (report.target, report.reason, report.reporter, report.level) == (
        post, "safety", None, "sign"
    )  # fmt: skip


def test_notice_shows_once(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)
    first = client.post(
        reverse("forums:post_create", args=[thread.pk]), {"body": "fever"}, follow=True
    ).content.decode()

    again = client.get(thread.get_absolute_url() + "?page=1").content.decode()

    assert "data-safety-level" in first
    assert "data-safety-level" not in again


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

    assert Post.objects.filter(thread=thread, body="Walking better!").exists()
    assert not Report.objects.exists()


def test_live_check_shows_the_notice_before_posting(client, patient, osteotomy):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_check") + f"?thread={thread.pk}", {"body": "bit of a fever"}
    )

    assert "Fever or chills" in response.content.decode()
    assert 'data-safety-level="sign"' in response.content.decode()
    assert not Post.objects.filter(author=patient).exists()


def test_live_check_for_a_new_thread_uses_the_chosen_procedure(client, patient, osteotomy):
    forum = make_forum()
    client.force_login(patient)

    response = client.post(
        reverse("forums:post_check") + f"?forum={forum.pk}",
        {"body": "pus", "article": osteotomy.pk},
    )

    assert "Drainage from the wound" in response.content.decode()


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


@pytest.mark.parametrize(
    ("body", "level"),
    [("I don't want to live anymore", "crisis"), ("crushing chest pain", "emergency"),
     ("a bit of fever", "sign"), ("walking better", "none")],
)  # fmt: skip
def test_live_check_marks_its_answer_with_the_level(client, patient, osteotomy, body, level):
    thread = make_thread(article=osteotomy)
    client.force_login(patient)

    response = client.post(reverse("forums:post_check") + f"?thread={thread.pk}", {"body": body})

    assert f'data-safety-level="{level}"' in response.content.decode()


def test_a_crisis_reply_is_flagged_with_its_level_and_shows_the_crisis_lines(client, patient):
    thread = make_thread()
    client.force_login(patient)
    url = reverse("forums:post_create", args=[thread.pk])

    response = client.post(url, {"body": "everyone would be better off without me"}, follow=True)

    page = response.content.decode()
    assert 'data-safety-level="crisis"' in page and "116 123" in page
    report = Report.objects.get()
    assert (report.level, report.target.safety_level) == ("crisis", "crisis")


def test_readers_see_a_banner_on_a_crisis_post_without_its_words_quoted(client, patient):
    thread = make_thread()
    client.force_login(patient)
    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": "I want to die"})
    client.logout()

    page = client.get(thread.get_absolute_url()).content.decode()

    assert page.count("data-safety-banner") == 1
    banner = page[page.index("data-safety-banner") :].split("</p>")[0]
    assert 'href="/help/"' in banner and "die" not in banner


def test_a_helpful_reply_inside_advice_is_not_flagged(client, patient):
    thread = make_thread()
    client.force_login(patient)
    body = "If you get chest pain or can't breathe, call 999 or go to A&E."

    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": body})

    assert not Report.objects.exists()
    assert Post.objects.get(author=patient).safety_level == "none"


def test_editing_a_post_into_an_emergency_flags_it_once(client, patient):
    thread = make_thread()
    client.force_login(patient)
    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": "All fine"})
    post = Post.objects.get(author=patient)
    edit = reverse("forums:post_edit", args=[post.pk])

    client.post(edit, {"body": "Now I can't breathe"})
    client.post(edit, {"body": "Now I can't breathe at all"})

    assert list(Report.objects.values_list("level", flat=True)) == ["emergency"]
