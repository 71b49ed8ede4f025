"""Django's CSRF form token, made with one call for random bytes instead of sixty-four.

Every first-time visitor of a cached article needs a new CSRF secret (their
cookie) and a masked token for the comment form. Django makes each of the 64
random characters with its own call to the system's random source, which took a
quarter of the time of serving the cached page. This makes the same values, of
the same alphabet and length and just as unpredictable, from one call, and
hands them to Django's CSRF middleware exactly as ``django.middleware.csrf.
get_token`` does (Django 5.2): the secret in ``request.META["CSRF_COOKIE"]`` and
the flag that has the cookie sent. The middleware then checks the posted form
as usual; tests post forms with these tokens under enforced CSRF checks.
"""

import secrets

from django.middleware.csrf import CSRF_ALLOWED_CHARS, CSRF_SECRET_LENGTH

CHARS = CSRF_ALLOWED_CHARS
POSITION = {char: index for index, char in enumerate(CHARS)}
# Random bytes at or above this are dropped: they would make some characters
# likelier than others. The rest stand for CHARS[byte % len(CHARS)].
UNBIASED_BELOW = 256 - 256 % len(CHARS)
TO_INDEX = bytes(byte % len(CHARS) for byte in range(256))
DROPPED = bytes(range(UNBIASED_BELOW, 256))


def random_indexes(length=CSRF_SECRET_LENGTH):
    """``length`` positions in CHARS, each equally likely, from the system's random source."""
    chosen = b""
    while len(chosen) < length:
        chosen += secrets.token_bytes(length + 16).translate(TO_INDEX, DROPPED)
    return chosen[:length]


def random_string(length=CSRF_SECRET_LENGTH):
    return "".join(CHARS[index] for index in random_indexes(length))


def get_token(request):
    """The same as ``django.middleware.csrf.get_token``: a masked token for a form."""
    secret = request.META.get("CSRF_COOKIE")
    if secret is None:
        secret = request.META["CSRF_COOKIE"] = random_string()
    request.META["CSRF_COOKIE_NEEDS_UPDATE"] = True
    mask = random_indexes()
    cipher = "".join(
        CHARS[(POSITION[char] + shift) % len(CHARS)]
        for char, shift in zip(secret, mask, strict=True)
    )
    return "".join(CHARS[index] for index in mask) + cipher
