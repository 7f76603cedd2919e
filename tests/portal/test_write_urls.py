"""Every foundation URL that changes data: a visitor's POST is sent to the login page and
nothing changes. Add each new write URL here in the same change."""

import pytest

WRITE_URLS = [
    "/accounts/settings/",
    "/accounts/delete/",
    "/accounts/verification/",
    "/notifications/read/",
    "/report/articles/article/1/",
    "/members/someone/block/",
    "/messages/new/",
    "/messages/1/",
    "/messages/message/1/report/",
]
POST_ONLY_URLS = ["/notifications/read/", "/members/patient/block/"]


@pytest.mark.django_db
@pytest.mark.parametrize("url", WRITE_URLS)
def test_visitor_post_is_redirected_to_login(client, url):
    response = client.post(url, {"bio": "x", "confirm": "x", "reason": "spam"})

    assert response.status_code == 302
    assert response.url.startswith(f"/accounts/login/?next={url}")


@pytest.mark.django_db
@pytest.mark.parametrize("url", POST_ONLY_URLS)
def test_get_on_a_post_only_url_is_405(client, patient, url):
    client.force_login(patient)

    assert client.get(url).status_code == 405
