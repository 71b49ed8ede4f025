"""Every kind of response carries the security headers and the Content Security Policy."""

import pytest
from django.urls import reverse

pytestmark = pytest.mark.django_db


def response_kinds():
    return {
        "page": reverse("education:home"),
        "admin": reverse("admin:login"),
        "404": "/no-such-page/",
        "static file": "/static/css/site.css",
        "health check": reverse("healthz"),
    }


def parse_policy(header):
    directives = {}
    for part in header.split(";"):
        name, *values = part.split()
        directives[name] = values
    return directives


@pytest.mark.parametrize("kind", list(response_kinds()))
def test_every_kind_of_response_carries_the_security_headers(client, clinic, kind):
    response = client.get(response_kinds()[kind], secure=True)

    assert response.status_code in (200, 404), kind
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    assert "camera=()" in response["Permissions-Policy"]
    assert "geolocation=()" in response["Permissions-Policy"]
    policy = parse_policy(response["Content-Security-Policy"])
    assert policy["default-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_policy_allows_no_inline_or_outside_scripts(client, clinic):
    policy = parse_policy(client.get("/")["Content-Security-Policy"])
    scripts = policy.get("script-src", policy["default-src"])
    assert scripts == ["'self'"]
    for directive, values in policy.items():
        assert "'unsafe-inline'" not in values or not directive.startswith("script"), directive
        assert "'unsafe-eval'" not in values, directive
        assert not any(value.startswith(("http:", "https:", "*")) for value in values), directive


def test_public_pages_have_no_inline_script_for_the_policy_to_block(client, demo_content):
    for url in [reverse("education:home"), reverse("education:faq")]:
        html = client.get(url).content.decode()
        for tag in html.split("<script")[1:]:
            opening = tag.split(">", 1)[0]
            assert "src=" in opening or 'type="application/ld+json"' in opening, (url, opening)
        assert " onclick=" not in html and " onload=" not in html, url


def test_hsts_is_only_sent_over_https(client, clinic):
    assert "Strict-Transport-Security" not in client.get("/")
