"""Writing a post: publish, schedule, drafts, double submit, autosave, preview, limits."""

import pytest
from django.urls import reverse
from django.utils import timezone

from blogs.models import BlogPost
from moderation.models import Report
from tests.blogs.factories import make_post, post_data
from tests.factories import make_article, make_user

pytestmark = pytest.mark.django_db


def _create(client, **overrides):
    return client.post(reverse("blogs:post_create"), post_data(**overrides))


def test_patient_publishes_a_post_with_tags_and_rendered_markdown(client, patient):
    client.force_login(patient)

    response = _create(client)

    post = BlogPost.objects.get()
    assert response.status_code == 302
    assert response["Location"] == post.get_absolute_url()
    assert post.author == patient and post.blog.owner == patient
    assert post.is_live
    assert "<strong>end of the street</strong>" in post.body_html
    assert sorted(tag.name for tag in post.tags.all()) == ["knee", "week 2"]


def test_markdown_is_sanitised(client, patient):
    client.force_login(patient)

    _create(client, body="Kept <script>alert(1)</script> [x](javascript:alert(1)) <img src=x>")

    html = BlogPost.objects.get().body_html
    assert "Kept" in html
    assert "<script" not in html and "javascript:" not in html and "<img" not in html


def test_future_time_schedules_the_post(client, patient):
    client.force_login(patient)
    later = (timezone.now() + timezone.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M")

    _create(client, published_at=later)

    post = BlogPost.objects.get()
    assert post.is_scheduled
    assert not BlogPost.objects.published().exists()


def test_draft_is_saved_but_not_public(client, patient):
    client.force_login(patient)

    _create(client, publication="draft")

    post = BlogPost.objects.get()
    assert post.is_draft and post.published_at is None
    assert not BlogPost.objects.published().exists()


def test_double_submit_creates_one_post(client, patient):
    client.force_login(patient)
    data = post_data()

    first = client.post(reverse("blogs:post_create"), data)
    second = client.post(reverse("blogs:post_create"), data)

    assert BlogPost.objects.count() == 1
    assert first["Location"] == second["Location"]


def test_invalid_submit_keeps_the_text_and_saves_nothing(client, patient):
    client.force_login(patient)

    response = _create(client, title="", body="My long story that must not be lost")

    assert response.status_code == 200
    assert "My long story that must not be lost" in response.content.decode()
    assert response.context["form"].errors["title"]
    assert not BlogPost.objects.exists()


def test_edit_keeps_history_and_first_publication_time(client, patient):
    post = make_post(author=patient, title="Old title")
    first_time = post.published_at
    client.force_login(patient)

    client.post(reverse("blogs:post_edit", args=[post.pk]), post_data(title="New title"))

    post.refresh_from_db()
    assert post.title == "New title" and post.slug == "new-title"
    assert post.published_at == first_time
    assert [h.title for h in post.history.order_by("history_date")] == ["Old title", "New title"]


def test_author_can_turn_comments_off(client, patient):
    post = make_post(author=patient)
    client.force_login(patient)
    data = post_data()
    del data["comments_enabled"]

    response = client.post(reverse("blogs:post_edit", args=[post.pk]), data)

    post.refresh_from_db()
    assert response.status_code == 302
    assert not post.comments_enabled


def test_article_link_offers_published_articles_only(client, patient):
    article = make_article(title="Knee osteotomy")
    draft = make_article(status="draft")
    client.force_login(patient)

    bad = _create(client, article=str(draft.pk))
    good = _create(client, article=str(article.pk))

    assert bad.status_code == 200 and "article" in bad.context["form"].errors
    assert good.status_code == 302
    assert BlogPost.objects.get().article == article


def test_too_many_tags_is_a_form_error(client, patient):
    client.force_login(patient)

    response = _create(client, tags=",".join(f"t{n}" for n in range(9)))

    assert "tags" in response.context["form"].errors


def test_contact_details_prompt_before_publishing(client, patient):
    client.force_login(patient)
    data = post_data(body="Call me on 07700 900123 or mail jo@example.com")

    prompted = client.post(reverse("blogs:post_create"), data)
    assert prompted.status_code == 200
    assert "This will be public" in prompted.content.decode()
    assert not BlogPost.objects.exists()

    confirmed = client.post(reverse("blogs:post_create"), {**data, "confirm_public": "on"})
    assert confirmed.status_code == 302
    assert BlogPost.objects.count() == 1


def test_warning_signs_show_the_safety_notice_and_flag_the_post(client, patient):
    article = make_article(warning_signs=[("Fever or chills", "fever, chills")])
    client.force_login(patient)

    response = _create(client, article=str(article.pk), body="I have a fever since yesterday.")

    post = BlogPost.objects.get()
    followed = client.get(response["Location"])
    assert response["Location"].endswith("#safety-notice")
    assert 'data-safety-level="sign"' in followed.content.decode()
    assert "Contact your surgeon's team today" in followed.content.decode()
    report = Report.objects.get()
    assert report.target == post and report.reason == Report.Reason.SAFETY
    assert (report.level, post.safety_level) == ("sign", "sign")
    assert "Fever or chills" in report.note


def test_safety_flag_is_not_repeated_on_each_edit(client, patient):
    client.force_login(patient)
    _create(client, body="Chest pain this morning.")
    post = BlogPost.objects.get()

    client.post(reverse("blogs:post_edit", args=[post.pk]), post_data(body="Chest pain again."))

    assert Report.objects.count() == 1


def test_new_member_is_rate_limited(client):
    newcomer = make_user()
    client.force_login(newcomer)

    for _ in range(3):
        assert _create(client).status_code == 302
    refused = _create(client)

    assert refused.status_code == 200
    assert "please wait" in refused.content.decode()
    assert BlogPost.objects.count() == 3


def test_established_member_has_a_higher_limit(client):
    member = make_user(date_joined=timezone.now() - timezone.timedelta(days=60), post_count=5)
    client.force_login(member)

    for _ in range(4):
        assert _create(client).status_code == 302


def test_preview_renders_sanitised_markdown_with_safety_notice(client, patient):
    client.force_login(patient)

    response = client.post(
        reverse("preview"), {"body": "**Day 3**, suddenly short of breath <script>x</script>"}
    )

    html = response.content.decode()
    assert "<strong>Day 3</strong>" in html
    assert "<script" not in html
    assert 'data-safety-level="emergency"' in html and 'hx-swap-oob="true"' in html


def test_autosave_keeps_a_draft_that_the_final_submit_publishes(client, patient):
    client.force_login(patient)
    data = post_data(title="Half written", body="First lines")

    saved = client.post(reverse("blogs:autosave"), data)
    assert "Draft saved" in saved.content.decode()
    draft = BlogPost.objects.get()
    assert draft.is_draft and draft.body == "First lines"

    client.post(reverse("blogs:post_create"), {**data, "body": "Finished story"})

    post = BlogPost.objects.get()
    assert post.pk == draft.pk and post.is_live and post.body == "Finished story"


def test_autosave_never_changes_a_published_post(client, patient):
    client.force_login(patient)
    data = post_data(body="Published words")
    client.post(reverse("blogs:post_create"), data)

    client.post(reverse("blogs:autosave"), {**data, "body": "Typo-ridden rewrite"})

    assert BlogPost.objects.get().body == "Published words"


def test_deleted_post_is_soft_deleted_and_leaves_the_blog(client, patient):
    post = make_post(author=patient)
    client.force_login(patient)

    response = client.post(reverse("blogs:post_delete", args=[post.pk]))

    assert response["Location"] == reverse("blogs:blog_detail", args=[patient.username])
    post.refresh_from_db()
    assert post.is_deleted and post.moderated_by == patient


def test_resubmitting_the_shown_time_keeps_the_exact_publication_time(client, patient):
    post = make_post(author=patient)
    exact = post.published_at
    client.force_login(patient)
    shown = exact.strftime("%Y-%m-%dT%H:%M")

    client.post(reverse("blogs:post_edit", args=[post.pk]), post_data(published_at=shown))

    post.refresh_from_db()
    assert post.published_at == exact
