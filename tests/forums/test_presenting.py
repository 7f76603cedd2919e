import datetime

import pytest
from django.utils import timezone

from tests.factories import make_user
from tests.forums.factories import make_post, make_thread

pytestmark = pytest.mark.django_db


def test_forum_list_names_deleted_members_as_deleted(client):
    author, replier = make_user(username="leaving"), make_user(username="gone_too")
    thread = make_thread(author=author, title="Week two")
    make_post(thread=thread, author=replier)
    for member in (author, replier):
        member.deleted_at = timezone.now()
        member.save(update_fields=["deleted_at"])

    html = client.get(thread.forum.get_absolute_url()).content.decode()

    assert "By deleted member" in html
    assert ">deleted member</a>" in html
    assert "leaving" not in html and "gone_too" not in html


def test_forum_list_links_each_thread_and_its_last_post(client):
    thread = make_thread(title="Stairs after TKR")
    reply = make_post(thread=thread)

    html = client.get(thread.forum.get_absolute_url()).content.decode()

    assert f'href="{thread.get_absolute_url()}">Stairs after TKR</a>' in html
    assert f'href="{reply.get_absolute_url()}"' in html


def test_thread_titles_are_escaped_in_the_forum_list(client):
    thread = make_thread(title="<b>bold</b> & brave")

    html = client.get(thread.forum.get_absolute_url()).content.decode()

    assert "&lt;b&gt;bold&lt;/b&gt; &amp; brave" in html


def test_forum_list_dates_are_machine_readable_in_the_active_language(client):
    thread = make_thread(title="Dates")
    moment = datetime.datetime(2018, 7, 16, 9, 30, tzinfo=datetime.UTC)
    type(thread).objects.filter(pk=thread.pk).update(last_post_at=moment)

    html = client.get(thread.forum.get_absolute_url()).content.decode()

    # The site's one date format ({% when %}): the instant, the full date as a tooltip.
    assert (
        '<time datetime="2018-07-16T09:30:00+00:00" title="Monday 16 July 2018, 09:30 UTC">'
        "16 Jul 2018</time>"
    ) in html
