import pytest
from django.urls import reverse


@pytest.mark.django_db
def test_home_page_advertises_the_blogs_rss_feed(client):
    response = client.get(reverse("home"))

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="Latest blog posts" '
        f'href="{reverse("blogs:feed")}">' in response.content.decode()
    )
