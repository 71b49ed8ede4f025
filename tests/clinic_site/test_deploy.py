"""The production settings, run exactly as the README documents, in a separate process."""

import json
import os
import secrets
import subprocess
import sys

from django.conf import settings


def run_with_production_settings(*args, **extra_env):
    env = {
        key: value
        for key, value in os.environ.items()
        if key not in {"DJANGO_SETTINGS_MODULE", "DJANGO_SECRET_KEY", "ALLOWED_HOSTS"}
    }
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.prod",
        DJANGO_SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="ims.example.com",
    )
    env.update(extra_env)
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_settings_pass_the_deployment_checklist_without_a_warning():
    result = run_with_production_settings(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING"
    )

    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_refuses_to_start_without_a_secret_key():
    env_without_key = run_with_production_settings(
        "-c",
        "import os; os.environ.pop('DJANGO_SECRET_KEY');"
        "import django; os.environ['DJANGO_SETTINGS_MODULE']='clinic_site.settings.prod';"
        "django.setup()",
    )

    assert env_without_key.returncode != 0
    assert "DJANGO_SECRET_KEY" in env_without_key.stderr


def test_production_cookies_are_secure_http_only_and_same_site():
    result = run_with_production_settings(
        "-c",
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps({name: getattr(s, name) for name in ["
        "'SESSION_COOKIE_SECURE', 'SESSION_COOKIE_HTTPONLY', 'SESSION_COOKIE_SAMESITE',"
        "'CSRF_COOKIE_SECURE', 'CSRF_COOKIE_HTTPONLY', 'CSRF_COOKIE_SAMESITE',"
        "'SECURE_SSL_REDIRECT', 'DEBUG', 'ALLOWED_HOSTS']}))",
    )

    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.splitlines()[-1])
    assert values == {
        "SESSION_COOKIE_SECURE": True,
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "CSRF_COOKIE_SECURE": True,
        "CSRF_COOKIE_HTTPONLY": True,
        "CSRF_COOKIE_SAMESITE": "Lax",
        "SECURE_SSL_REDIRECT": True,
        "DEBUG": False,
        "ALLOWED_HOSTS": ["ims.example.com"],
    }


def test_behind_a_proxy_the_forwarded_protocol_is_trusted_only_when_asked():
    code = (
        "import django; django.setup(); from django.conf import settings as s;"
        "print(getattr(s, 'SECURE_PROXY_SSL_HEADER', None))"
    )
    plain = run_with_production_settings("-c", code)
    proxied = run_with_production_settings("-c", code, SECURE_PROXY_SSL_HEADER="1")

    assert plain.stdout.splitlines()[-1] == "None"
    assert proxied.stdout.splitlines()[-1] == "('HTTP_X_FORWARDED_PROTO', 'https')"


def test_hsts_preload_is_off_unless_the_clinic_opts_in_and_only_then_is_the_check_heard():
    script = (
        "import json, django; django.setup(); from django.conf import settings as s;"
        "print(json.dumps([s.SECURE_HSTS_PRELOAD, s.SILENCED_SYSTEM_CHECKS]))"
    )
    default = run_with_production_settings("-c", script)
    opted_in = run_with_production_settings("-c", script, SECURE_HSTS_PRELOAD="1")

    assert json.loads(default.stdout.strip().splitlines()[-1]) == [False, ["security.W021"]]
    assert json.loads(opted_in.stdout.strip().splitlines()[-1]) == [True, []]
    check = run_with_production_settings(
        "manage.py", "check", "--deploy", "--fail-level", "WARNING", SECURE_HSTS_PRELOAD="1"
    )
    assert check.returncode == 0, check.stdout + check.stderr
