"""Uploaded media in an S3-compatible bucket (MEDIA_BUCKET), so that several web containers
share one set of files. The bucket is the outside world here: moto stands in for S3."""

import io
import json
import re

import boto3
import pytest
from django.core.cache import cache
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from moto import mock_aws
from PIL import Image as PILImage
from PIL import ImageColor
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction

from blog.models import BlogIndexPage, BlogPostPage
from toronto_ai.home.demo import ensure_child
from toronto_ai.settings.storage import media_storage

from .conftest import PRODUCTION_ENV, run_python

pytestmark = pytest.mark.django_db
BUCKET = "toronto-ai-media"
DOMAIN = "media.torontoai.example"


@pytest.fixture
def bucket(settings, monkeypatch):
    for name, value in {
        "AWS_ACCESS_KEY_ID": "test-key",
        "AWS_SECRET_ACCESS_KEY": "test-secret",
        "MEDIA_BUCKET": BUCKET,
        "MEDIA_BUCKET_REGION": "ca-central-1",
        "MEDIA_BUCKET_DOMAIN": DOMAIN,
    }.items():
        monkeypatch.setenv(name, value)
    with mock_aws():
        s3 = boto3.client("s3", region_name="ca-central-1")
        s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": "ca-central-1"})
        settings.STORAGES = {**settings.STORAGES, "default": media_storage()}
        # Wagtail remembers renditions in the cache by image id; ids restart with each test
        # database, so a rendition remembered by an earlier run would be taken as already made.
        cache.clear()
        yield s3


def _keys(s3) -> set[str]:
    return {item["Key"] for item in s3.list_objects_v2(Bucket=BUCKET).get("Contents", [])}


def _png(colour: str) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (40, 30), colour).save(buffer, format="PNG")
    return buffer.getvalue()


def _upload_image(client, title: str, content: bytes):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": title, "file": SimpleUploadedFile("venue.png", content, content_type="image/png")},
    )


def test_two_uploads_with_the_same_file_name_both_keep_their_own_file(bucket, admin_client):
    assert _upload_image(admin_client, "Main hall", _png("navy")).status_code == 302
    assert _upload_image(admin_client, "Breakout room", _png("orange")).status_code == 302

    hall, room = (get_image_model().objects.get(title=title) for title in ("Main hall", "Breakout room"))
    assert hall.file.name != room.file.name
    assert {hall.file.name, room.file.name} <= _keys(bucket)
    for image, colour in ((hall, "navy"), (room, "orange")):
        stored = bucket.get_object(Bucket=BUCKET, Key=image.file.name)["Body"].read()
        assert PILImage.open(io.BytesIO(stored)).convert("RGB").getpixel((0, 0)) == ImageColor.getrgb(colour)


def test_a_post_shows_its_hero_image_from_the_bucket(bucket, admin_client, client, home_page):
    assert _upload_image(admin_client, "Main hall", _png("navy")).status_code == 302
    post = BlogPostPage(title="Room for everyone", intro="Our new venue.", hero_image=get_image_model().objects.get())
    ensure_child(home_page, BlogIndexPage, "blog", title="Blog").add_child(instance=post)
    post.save_revision().publish()

    html = client.get(post.url).content.decode()
    src = re.search(r'<figure class="post__hero"><img src="([^"]+)"', html).group(1)
    assert src.startswith(f"https://{DOMAIN}/images/")
    assert src.removeprefix(f"https://{DOMAIN}/") in _keys(bucket)  # the rendition was written there
    head = bucket.head_object(Bucket=BUCKET, Key=src.removeprefix(f"https://{DOMAIN}/"))
    assert head["CacheControl"].startswith("public, max-age=")


def test_a_private_document_in_the_bucket_reaches_signed_in_readers_only(bucket, admin_client, client):
    members = Collection.get_first_root_node().add_child(name="Organisers only")
    CollectionViewRestriction.objects.create(collection=members, restriction_type=CollectionViewRestriction.LOGIN)
    document = get_document_model().objects.create(title="Venue contract", collection=members)
    document.file.save("contract.txt", ContentFile(b"Room booked 18:00-21:00."))
    assert document.file.name in _keys(bucket)

    anonymous = client.get(document.url)
    assert anonymous.status_code == 302
    assert DOMAIN not in anonymous["Location"] and "login" in anonymous["Location"]

    reader = admin_client.get(document.url)
    assert reader.status_code == 200
    assert b"".join(reader.streaming_content) == b"Room booked 18:00-21:00."


_SETTINGS_PROBE = """
import django, json; django.setup()
from django.conf import settings
print(json.dumps({'storage': settings.STORAGES['default'], 'serve_media': settings.SERVE_MEDIA}))
"""


def test_production_takes_the_bucket_from_the_environment():
    env = {**PRODUCTION_ENV, "MEDIA_BUCKET": BUCKET, "MEDIA_BUCKET_ENDPOINT_URL": "https://tor1.example-objects.net"}
    proc = run_python(_SETTINGS_PROBE, env)
    assert proc.returncode == 0, proc.stderr
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found["storage"]["BACKEND"] == "storages.backends.s3.S3Storage"
    assert found["storage"]["OPTIONS"]["bucket_name"] == BUCKET
    assert found["storage"]["OPTIONS"]["endpoint_url"] == "https://tor1.example-objects.net"
    assert found["serve_media"] is False  # the images' addresses are the bucket's

    proc = run_python(_SETTINGS_PROBE, PRODUCTION_ENV)
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert found == {
        "storage": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
        "serve_media": True,
    }


@pytest.mark.parametrize(
    ("name", "value"),
    [("MEDIA_BUCKET_ENDPOINT_URL", "tor1.example-objects.net"), ("MEDIA_BUCKET_DOMAIN", "https://media.example.org")],
)
def test_a_malformed_bucket_setting_stops_startup_with_one_line(name, value):
    env = {**PRODUCTION_ENV, "MEDIA_BUCKET": BUCKET, name: value}
    proc = run_python("from toronto_ai.startup import or_exit; import django; or_exit(django.setup)", env)
    assert proc.returncode == 2
    assert name in proc.stderr and "Traceback" not in proc.stderr
