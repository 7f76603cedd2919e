"""Uploads on S3-compatible storage (moto's S3 server on 127.0.0.1), served from our origin."""

import os
import socket
import subprocess
import sys
import time
from unittest import mock

import boto3
import pytest
from django.urls import reverse

from blogs.models import BlogPost
from portal.settings import parse_media_storage
from tests.blogs.factories import image_upload, post_data

pytestmark = pytest.mark.django_db

BUCKET = "portal-media"
# Explicit test credentials, and no looking for cloud metadata on the network.
AWS_TEST_ENV = {
    "AWS_ACCESS_KEY_ID": "testing",
    "AWS_SECRET_ACCESS_KEY": "testing",
    "AWS_EC2_METADATA_DISABLED": "true",
}


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def s3_endpoint():
    port = _free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "moto.server", "-H", "127.0.0.1", "-p", str(port)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env={**os.environ, **AWS_TEST_ENV},
    )
    try:
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
                break
            except OSError:
                time.sleep(0.1)
        yield f"127.0.0.1:{port}"
    finally:
        server.terminate()
        server.wait(timeout=10)


@pytest.fixture
def bucket(s3_endpoint, settings):
    with mock.patch.dict(os.environ, AWS_TEST_ENV):
        s3 = boto3.resource("s3", endpoint_url=f"http://{s3_endpoint}", region_name="us-east-1")
        bucket = s3.Bucket(BUCKET)
        bucket.create()
        settings.STORAGES = {
            **settings.STORAGES,
            "default": parse_media_storage(
                f"s3://testing:testing@{s3_endpoint}/{BUCKET}?secure=false"
            ),
        }
        yield bucket
        bucket.objects.all().delete()
        bucket.delete()


def _upload(client, upload):
    data = post_data(cover_alt="My knee brace on the sofa")
    return client.post(reverse("blogs:post_create"), {**data, "cover": upload})


def test_a_cover_is_stored_in_the_bucket_and_shown_from_our_origin(
    client, patient, bucket, s3_endpoint, settings
):
    client.force_login(patient)

    assert _upload(client, image_upload("brace.png")).status_code == 302

    post = BlogPost.objects.get()
    assert [o.key for o in bucket.objects.all()] == [post.cover.name]
    assert not (settings.MEDIA_ROOT / post.cover.name).exists()
    assert post.cover.url == f"/media/{post.cover.name}"
    page = client.get(post.get_absolute_url()).content.decode()
    assert post.cover.url in page
    assert s3_endpoint not in page

    image = client.get(post.cover.url)
    assert image.status_code == 200
    assert image["Content-Type"] == "image/jpeg"
    assert b"".join(image.streaming_content).startswith(b"\xff\xd8")


def test_an_invalid_upload_never_reaches_the_bucket(client, patient, bucket):
    client.force_login(patient)
    response = _upload(client, image_upload("brace.png", content=b"<script>alert(1)</script>"))

    assert response.status_code == 200
    assert not BlogPost.objects.exists()
    assert list(bucket.objects.all()) == []


@pytest.mark.absence_only("an upload that exists is served in the test above")
def test_a_missing_upload_is_404(client, bucket):
    assert client.get("/media/blogs/covers/nothing.jpg").status_code == 404
