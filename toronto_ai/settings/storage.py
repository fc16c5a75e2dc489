"""Where uploaded images and documents live: a folder (MEDIA_ROOT, a volume in docker compose)
or, when ``MEDIA_BUCKET`` is set, an S3-compatible bucket (AWS S3, Cloudflare R2, DigitalOcean
Spaces, MinIO) through django-storages, so that several web containers share one set of files.

Credentials are not settings: boto3 reads ``AWS_ACCESS_KEY_ID`` / ``AWS_SECRET_ACCESS_KEY`` from
the environment (or an instance role). docs/deploy.md has the bucket policy.
"""

from __future__ import annotations

from urllib.parse import urlsplit

from .env import ConfigError, env_int, env_str

FILESYSTEM = {"BACKEND": "django.core.files.storage.FileSystemStorage"}
S3 = "storages.backends.s3.S3Storage"


def media_storage() -> dict:
    """The ``STORAGES["default"]`` entry the environment asks for."""
    bucket = env_str("MEDIA_BUCKET")
    if not bucket:
        return dict(FILESYSTEM)
    options = {
        "bucket_name": bucket,
        # Wagtail names uploads after the editor's file: a second "venue.jpg" must get a new
        # name, not replace the first one in every post that shows it.
        "file_overwrite": False,
        # Images are linked from cached pages, so their URLs must not expire; the bucket lets
        # anyone read images/ (renditions) and nothing else. Documents go through the app,
        # which checks the collection's privacy first (WAGTAILDOCS_SERVE_METHOD).
        "querystring_auth": False,
        "default_acl": None,
        "object_parameters": {"CacheControl": f"public, max-age={env_int('MEDIA_MAX_AGE', 86400)}"},
    }
    endpoint = env_str("MEDIA_BUCKET_ENDPOINT_URL")
    if endpoint:
        parts = urlsplit(endpoint)
        if parts.scheme not in {"http", "https"} or not parts.netloc:
            raise ConfigError(
                f"MEDIA_BUCKET_ENDPOINT_URL must be a URL such as https://nyc3.digitaloceanspaces.com, got {endpoint!r}"
            )
        options["endpoint_url"] = endpoint
    region = env_str("MEDIA_BUCKET_REGION")
    if region:
        options["region_name"] = region
    domain = env_str("MEDIA_BUCKET_DOMAIN")
    if domain:
        if "://" in domain or "/" in domain.strip("/"):
            raise ConfigError(f"MEDIA_BUCKET_DOMAIN is a host name such as media.torontoai.org, got {domain!r}")
        options["custom_domain"] = domain.strip("/")
    prefix = env_str("MEDIA_BUCKET_PREFIX")
    if prefix:
        options["location"] = prefix.strip("/")
    return {"BACKEND": S3, "OPTIONS": options}


def uses_bucket(storage: dict) -> bool:
    return storage["BACKEND"] == S3
