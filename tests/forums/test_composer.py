"""The forum composer: linked @mentions, quotes naming their author, quoting in place,
autosaved drafts and clinician answers."""

import json
import uuid

import pytest
from django.urls import reverse

from accounts.data_rights import delete_account
from core.models import Draft
from forums.models import POSTS_PER_PAGE, Post, Thread
from forums.posting import quote_text, reply_draft_key, thread_draft_key
from moderation.models import ModerationLogEntry
from tests.factories import make_user
from tests.forums.factories import make_forum, make_post, make_thread

pytestmark = pytest.mark.django_db


# ---------------------------------------------------------------- mentions


def test_a_mention_of_a_member_links_their_profile(patient):
    runner = make_user(username="runagain")

    post = make_post(author=patient, body="Thanks @runagain, that helped.")

    link = f'<a class="mention" href="{runner.get_absolute_url()}" data-member="{runner.pk}">'
    assert f"{link}@runagain</a>, that helped." in post.body_html


def test_unknown_and_deleted_names_stay_plain_text(patient):
    gone = make_user(username="gonemember")
    make_user(username="stillhere")
    delete_account(gone)

    post = make_post(author=patient, body="@nobodyatall @gonemember and @stillhere")

    assert "@nobodyatall" in post.body_html and "@gonemember" in post.body_html
    assert post.body_html.count('class="mention"') == 1  # positive control: @stillhere
    assert ">@stillhere</a>" in post.body_html


def test_a_mention_inside_code_or_a_link_is_not_linked(patient):
    make_user(username="codename")

    post = make_post(
        author=patient,
        body="`@codename` and\n\n    @codename\n\nand [@codename](https://example.org) but @codename",
    )

    assert "<code>@codename</code>" in post.body_html
    assert "<pre><code>@codename\n</code></pre>" in post.body_html
    assert post.body_html.count('class="mention"') == 1  # only the last, in plain text


def test_deleting_a_member_unlinks_their_mentions_everywhere(patient):
    member = make_user(username="leaving")
    post = make_post(author=patient, body="Hello @leaving")
    assert 'class="mention"' in post.body_html

    delete_account(member)

    post.refresh_from_db()
    assert 'class="mention"' not in post.body_html
    assert "Hello @leaving" in post.body_html


def test_renaming_a_member_renders_their_mentions_again(patient):
    member = make_user(username="oldname")
    post = make_post(author=patient, body="Hi @oldname")

    member.username = "newname"
    member.save()

    post.refresh_from_db()
    assert 'class="mention"' not in post.body_html
    renamed = make_post(author=patient, body="Hi @newname")
    assert f'href="{member.get_absolute_url()}"' in renamed.body_html


# ---------------------------------------------------------------- quotes


def test_a_quote_names_and_links_its_author_and_the_post(patient):
    quoted = make_post(body="Ice helped.")
    author = quoted.author

    reply = make_post(thread=quoted.thread, author=patient, body=quote_text(quoted) + "Thanks!")

    html = reply.body_html
    assert html.startswith("<blockquote>\n<p><strong><a href=")
    assert f'<a href="{author.get_absolute_url()}"' in html and f">{author.username}</a>" in html
    assert f'href="{quoted.get_absolute_url()}"' in html
    assert "<p>Ice helped.</p>\n</blockquote>\n<p>Thanks!</p>" in html


def test_a_deleted_authors_quote_names_them_without_a_link(patient):
    quoted = make_post(body="Ice helped.")
    delete_account(quoted.author)
    quoted.refresh_from_db()

    text = quote_text(Post.objects.select_related("author").get(pk=quoted.pk))

    assert text.startswith("> **deleted member** [wrote](")


def test_quote_in_place_sends_the_text_to_the_reply_box(client, patient):
    quoted = make_post(body="Rest and ice.")
    client.force_login(patient)
    url = reverse("forums:post_quote", args=[quoted.pk])

    htmx = client.get(url, HTTP_HX_REQUEST="true")
    plain = client.get(url)

    assert htmx.status_code == 204
    event = json.loads(htmx["HX-Trigger"])["composer:insert"]
    assert "> Rest and ice." in event["text"] and quoted.author.username in event["text"]
    reply_page = reverse("forums:post_create", args=[quoted.thread_id])
    assert plain.status_code == 302 and plain.url == f"{reply_page}?quote={quoted.pk}"


def test_quote_in_place_refuses_a_locked_thread(client, patient):
    quoted = make_post()
    Thread.objects.filter(pk=quoted.thread_id).update(is_locked=True)
    client.force_login(patient)

    response = client.get(reverse("forums:post_quote", args=[quoted.pk]), HTTP_HX_REQUEST="true")

    assert response.status_code == 403


def test_the_thread_page_quotes_in_place_for_who_may_reply(client, patient):
    post = make_post()
    client.force_login(patient)

    page = client.get(post.thread.get_absolute_url()).content.decode()

    assert f'hx-get="{reverse("forums:post_quote", args=[post.pk])}"' in page
    assert f"{reverse('forums:post_create', args=[post.thread_id])}?quote={post.pk}" in page


# ---------------------------------------------------------------- drafts


def _save_draft(client, query, **data):
    return client.post(reverse("forums:draft_save") + query, data, HTTP_HX_REQUEST="true")


def test_a_reply_draft_is_saved_and_restored_on_the_thread_page(client, patient):
    thread = make_thread()
    client.force_login(patient)

    saved = _save_draft(client, f"?thread={thread.pk}", body="Half a thought about ice")
    page = client.get(thread.get_absolute_url())

    assert saved.status_code == 200 and "Draft saved" in saved.content.decode()
    assert page.context["reply_form"].initial == {"body": "Half a thought about ice"}
    assert "is back" in page.content.decode()


def test_other_members_never_see_a_draft(client, patient, other_patient):
    thread = make_thread()
    client.force_login(patient)
    _save_draft(client, f"?thread={thread.pk}", body="My private draft")

    client.force_login(other_patient)
    page = client.get(thread.get_absolute_url())
    _save_draft(client, f"?thread={thread.pk}", body="Theirs")

    assert "My private draft" not in page.content.decode()
    assert page.context["reply_form"].initial == {}
    assert Draft.objects.get(user=patient).body == "My private draft"  # untouched
    assert Draft.objects.get(user=other_patient).body == "Theirs"


def test_posting_the_reply_deletes_its_draft(client, patient):
    thread = make_thread()
    other_thread = make_thread()
    client.force_login(patient)
    _save_draft(client, f"?thread={thread.pk}", body="Draft")
    _save_draft(client, f"?thread={other_thread.pk}", body="Another draft")

    client.post(reverse("forums:post_create", args=[thread.pk]), {"body": "Posted."})

    assert not Draft.objects.filter(key=reply_draft_key(thread.pk)).exists()
    assert Draft.objects.filter(key=reply_draft_key(other_thread.pk)).exists()


def test_an_autosave_arriving_after_the_post_brings_no_draft_back(client, patient):
    thread = make_thread()
    client.force_login(patient)
    token = str(uuid.uuid4())
    client.post(
        reverse("forums:post_create", args=[thread.pk]), {"body": "Posted.", "form_token": token}
    )

    late = _save_draft(client, f"?thread={thread.pk}", body="Posted.", form_token=token)
    fresh = _save_draft(
        client, f"?thread={thread.pk}", body="Next one", form_token=str(uuid.uuid4())
    )

    assert late.status_code == fresh.status_code == 200
    assert Post.objects.filter(form_token=token).exists()
    assert list(Draft.objects.values_list("body", flat=True)) == ["Next one"]


def test_a_new_thread_draft_keeps_its_title_and_goes_when_posted(client, patient):
    forum = make_forum()
    client.force_login(patient)
    _save_draft(client, f"?forum={forum.pk}", title="Week one", body="So far")

    form = client.get(reverse("forums:thread_create", args=[forum.slug])).context["form"]
    client.post(
        reverse("forums:thread_create", args=[forum.slug]), {"title": "Week one", "body": "Ok"}
    )

    assert form.initial == {"title": "Week one", "body": "So far"}
    assert not Draft.objects.filter(key=thread_draft_key(forum.pk)).exists()


def test_discarding_a_draft_deletes_it(client, patient):
    thread = make_thread()
    client.force_login(patient)
    _save_draft(client, f"?thread={thread.pk}", body="Never mind")

    htmx = client.post(
        reverse("forums:draft_discard") + f"?thread={thread.pk}", HTTP_HX_REQUEST="true"
    )

    assert not Draft.objects.exists()
    assert "composer:clear" in htmx["HX-Trigger"]
    _save_draft(client, f"?thread={thread.pk}", body="Again")
    plain = client.post(reverse("forums:draft_discard") + f"?thread={thread.pk}")
    assert plain.status_code == 302 and plain.url == thread.get_absolute_url()
    assert not Draft.objects.exists()


def test_no_draft_for_a_locked_thread_or_without_a_place(client, patient):
    thread = make_thread(is_locked=True)
    client.force_login(patient)

    locked = _save_draft(client, f"?thread={thread.pk}", body="x")
    nowhere = _save_draft(client, "", body="x")
    too_long = _save_draft(client, f"?thread={make_thread().pk}", body="x" * 20_001)

    assert (locked.status_code, nowhere.status_code) == (403, 403)
    assert too_long.status_code == 200 and "at most" in too_long.content.decode()
    assert not Draft.objects.exists()


# ---------------------------------------------------------------- clinician answers


@pytest.fixture
def surgeons_reply():
    thread = make_thread()
    surgeon = make_user(is_verified_surgeon=True, verified_name="Dr Ada Lovelace")
    return make_post(thread=thread, author=surgeon, body="Swelling for six weeks is usual.")


def _mark(client, post, marked="1"):
    return client.post(reverse("forums:post_clinician", args=[post.pk]), {"marked": marked})


def test_the_threads_author_marks_a_surgeons_reply_and_it_shows_under_the_first_post(
    client, surgeons_reply
):
    client.force_login(surgeons_reply.thread.author)

    response = _mark(client, surgeons_reply)
    page = client.get(surgeons_reply.thread.get_absolute_url() + "?page=1").content.decode()

    surgeons_reply.refresh_from_db()
    assert response.status_code == 302 and surgeons_reply.is_clinician_answer
    first_post_end = page.index("</article>")
    answers = page.index('class="clinician-answers"')
    second_post = page.index(f'id="post-{surgeons_reply.pk}"')
    assert first_post_end < answers < second_post
    assert "Dr Ada Lovelace" in page[answers:second_post]
    assert not ModerationLogEntry.objects.exists()  # the author's own thread: not logged


def test_other_members_cannot_mark(client, other_patient, surgeons_reply):
    client.force_login(other_patient)

    response = _mark(client, surgeons_reply)

    surgeons_reply.refresh_from_db()
    assert response.status_code == 403 and not surgeons_reply.is_clinician_answer


def test_only_a_verified_surgeons_reply_can_be_marked(client):
    thread = make_thread()
    plain_reply = make_post(thread=thread)
    client.force_login(thread.author)

    response = _mark(client, plain_reply)
    page = client.get(thread.get_absolute_url() + "?page=1").content.decode()

    assert response.status_code == 403
    assert "Mark as clinician answer" not in page
    assert f'id="post-{plain_reply.pk}"' in page  # positive control: the reply is there


def test_a_moderators_marking_is_logged_and_can_be_undone(client, moderator, surgeons_reply):
    client.force_login(moderator)

    _mark(client, surgeons_reply)
    _mark(client, surgeons_reply, marked="0")

    surgeons_reply.refresh_from_db()
    assert not surgeons_reply.is_clinician_answer
    actions = list(ModerationLogEntry.objects.order_by("pk").values_list("action", flat=True))
    assert actions == ["mark clinician answer", "unmark clinician answer"]


def test_the_thread_author_sees_the_mark_button_on_a_surgeons_reply(client, surgeons_reply):
    client.force_login(surgeons_reply.thread.author)

    page = client.get(surgeons_reply.thread.get_absolute_url() + "?page=1").content.decode()

    assert page.count("Mark as clinician answer") == 1


def test_an_answer_on_a_later_page_shows_under_the_first_post(client, surgeons_reply):
    thread = surgeons_reply.thread
    for _ in range(POSTS_PER_PAGE):
        make_post(thread=thread)
    late_answer = make_post(
        thread=thread, author=surgeons_reply.author, body="Call us if the calf is hot."
    )
    client.force_login(thread.author)
    _mark(client, late_answer)

    first_page = client.get(thread.get_absolute_url() + "?page=1").content.decode()

    answers = first_page.index('class="clinician-answers"')
    assert f'id="post-{late_answer.pk}"' not in first_page  # it lives on page 2
    assert "Call us if the calf is hot." in first_page[answers:]
    assert first_page.count('class="clinician-answer"') == 1  # the unmarked reply is not one
