"""The address a request came from, as the login protection counts it."""

from django.conf import settings


def client_ip(request):
    """Return the client's address without trusting headers anyone can forge.

    By default this is the address of the socket (``REMOTE_ADDR``), so a made-up
    ``X-Forwarded-For`` header changes nothing. When the site runs behind its own
    reverse proxies, set ``TRUSTED_PROXY_COUNT`` to how many there are: each one
    appends the address it received the request from, so the client is the entry
    that many places from the right. Entries further left were written by the
    client and are ignored.
    """
    remote_addr = request.META.get("REMOTE_ADDR", "")
    proxy_count = settings.TRUSTED_PROXY_COUNT
    if proxy_count <= 0:
        return remote_addr
    forwarded = [
        part.strip()
        for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
        if part.strip()
    ]
    if len(forwarded) < proxy_count:
        return remote_addr
    return forwarded[-proxy_count]
