"""The quick CSRF tokens of cached pages are the ones Django's middleware expects."""

from collections import Counter

from django.middleware.csrf import CSRF_ALLOWED_CHARS, _unmask_cipher_token
from django.test import RequestFactory

from clinic_site import csrf_tokens


def test_a_new_visitor_gets_a_secret_for_their_cookie_and_a_masked_token_of_it():
    request = RequestFactory().get("/")

    first = csrf_tokens.get_token(request)
    second = csrf_tokens.get_token(request)

    secret = request.META["CSRF_COOKIE"]
    assert request.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    assert len(secret) == 32 and len(first) == 64
    assert set(secret + first) <= set(CSRF_ALLOWED_CHARS)
    assert _unmask_cipher_token(first) == secret == _unmask_cipher_token(second)
    assert first != second  # masked afresh each time, as Django does


def test_a_returning_visitor_keeps_the_secret_of_their_cookie():
    request = RequestFactory().get("/")
    request.META["CSRF_COOKIE"] = "a" * 32

    assert _unmask_cipher_token(csrf_tokens.get_token(request)) == "a" * 32


def test_every_character_is_equally_likely():
    counts = Counter("".join(csrf_tokens.random_string() for _ in range(4000)))

    expected = 4000 * 32 / len(CSRF_ALLOWED_CHARS)  # about 2,065 each
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    assert all(abs(count - expected) < expected * 0.15 for count in counts.values())
