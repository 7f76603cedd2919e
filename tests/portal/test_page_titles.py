"""Every page's title is "Page · Site name": one separator, never a doubled or missing one
(base.html's {% page_title %}; `self.head_title` was always false in Django)."""

import re

import pytest

from tests.blogs.factories import make_post as make_blog_post
from tests.factories import make_article, make_user
from tests.forums.factories import make_thread
from tests.heroes.factories import make_hero
from tests.videos.factories import make_video

pytestmark = pytest.mark.django_db

TITLE = re.compile(r"<title>(.*?)</title>", re.S)


def title_of(response) -> str:
    return TITLE.search(response.content.decode()).group(1).strip()


@pytest.fixture
def content():
    article = make_article(title="Knee osteotomy", slug="knee-osteotomy")
    thread = make_thread(title="Day 3 after surgery")
    post = make_blog_post(title="Walking again")
    video = make_video(title="Knee exercises")
    hero = make_hero(name="Ada Surgeon")
    return {
        "/": "Surgery and recovery, explained and shared",
        "/articles/": "Procedure articles",
        article.get_absolute_url(): "Knee osteotomy",
        "/forums/": None,
        thread.get_absolute_url(): "Day 3 after surgery",
        "/blogs/": "Blogs",
        post.get_absolute_url(): "Walking again",
        "/videos/": None,
        video.get_absolute_url(): "Knee exercises",
        "/heroes/": "Heroes",
        hero.get_absolute_url(): hero.display_name,
        "/search/?q=knee": "Search: knee",
        "/accounts/login/": "Sign In",
        "/accounts/signup/": "Signup",
        "/accounts/password/reset/": "Password Reset",
        "/no-such-page/": "Page not found",
    }


def test_every_main_page_is_titled_page_then_site_name(client, content, settings):
    settings.SITE_NAME, settings.SITE_NAMES = "Knee Friends", {}
    for url, expected in content.items():
        title = title_of(client.get(url))

        page, separator, site = title.rpartition(" · ")
        assert separator and site == "Knee Friends", (url, title)
        assert page.strip() and "·" not in page and "Knee Friends" not in page, (url, title)
        if expected:
            assert page == expected, (url, title)


@pytest.mark.parametrize(
    "url",
    ["/accounts/settings/", "/accounts/email/", "/accounts/2fa/", "/accounts/password/change/"],
)
def test_member_pages_are_titled_page_then_site_name(client, url, settings):
    settings.SITE_NAME, settings.SITE_NAMES = "Knee Friends", {}
    client.force_login(make_user())

    title = title_of(client.get(url))

    assert re.fullmatch(r"[^·]+ · Knee Friends", title), (url, title)
