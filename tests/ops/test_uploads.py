"""Editors can only upload images of an allowed type and size."""

import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image as PILImage
from wagtail.images import get_image_model

pytestmark = pytest.mark.django_db


def _png(padding: int = 0) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", (8, 8), "teal").save(buffer, format="PNG")
    # PNG readers ignore bytes after the end chunk: a real image of any size.
    return buffer.getvalue() + b"\0" * padding


def _upload(client, name: str, content: bytes, content_type: str = "image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": name, "file": SimpleUploadedFile(name, content, content_type=content_type)},
    )


def test_a_small_png_is_accepted(admin_client):
    response = _upload(admin_client, "venue.png", _png())
    assert response.status_code == 302
    assert get_image_model().objects.filter(title="venue.png").exists()


def test_an_image_over_the_size_limit_is_refused_with_a_message(admin_client, settings):
    content = _png(padding=settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE)
    response = _upload(admin_client, "huge.png", content)
    assert response.status_code == 200
    assert "This file is too big" in response.content.decode()
    assert not get_image_model().objects.exists()


@pytest.mark.parametrize(
    ("name", "content_type"),
    [("drawing.svg", "image/svg+xml"), ("script.html", "text/html"), ("tool.exe", "application/octet-stream")],
)
def test_files_that_are_not_allowed_image_types_are_refused(admin_client, name, content_type):
    response = _upload(
        admin_client, name, b'<svg xmlns="http://www.w3.org/2000/svg"><script>1</script></svg>', content_type
    )
    assert response.status_code == 200
    assert "Not a supported image format" in response.content.decode()
    assert not get_image_model().objects.exists()


def test_a_disguised_file_with_an_image_extension_is_refused(admin_client):
    response = _upload(admin_client, "photo.png", b"MZ\x90\x00 this is not an image")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
