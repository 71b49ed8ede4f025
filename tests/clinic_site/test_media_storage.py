"""Where uploaded pictures are kept and served, per environment."""

import json

from tests.clinic_site.test_deploy import run_with_production_settings

SHOW = (
    "import json, django; django.setup(); from django.conf import settings as s;"
    "from django.urls import resolve, Resolver404\n"
    "try:\n    resolve('/media/images/x.webp'); served = True\n"
    "except Resolver404:\n    served = False\n"
    "print(json.dumps([s.STORAGES['default'], s.CONTENT_SECURITY_POLICY['DIRECTIVES']"
    "['img-src'], served]))"
)


def settings_with(**env):
    result = run_with_production_settings("-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_production_keeps_media_in_a_local_folder_served_by_the_web_server():
    storage, img_src, served_by_django = settings_with()

    assert storage == {"BACKEND": "django.core.files.storage.FileSystemStorage"}
    assert img_src == ["'self'", "data:"]
    assert served_by_django is False


def test_an_s3_compatible_store_is_chosen_from_the_environment_and_allowed_by_the_csp():
    storage, img_src, served_by_django = settings_with(
        MEDIA_STORAGE="s3",
        AWS_STORAGE_BUCKET_NAME="clinic-media",
        AWS_S3_ENDPOINT_URL="https://objects.example.com",
        AWS_S3_CUSTOM_DOMAIN="media.ims.example.com",
    )

    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    assert storage["OPTIONS"]["bucket_name"] == "clinic-media"
    assert storage["OPTIONS"]["endpoint_url"] == "https://objects.example.com"
    assert storage["OPTIONS"]["file_overwrite"] is False
    assert img_src == ["'self'", "data:", "https://media.ims.example.com"]
    assert served_by_django is False


def test_a_single_server_can_let_django_serve_media():
    _storage, _img_src, served_by_django = settings_with(SERVE_MEDIA="1")
    assert served_by_django is True
