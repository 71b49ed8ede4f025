"""What the rest of the site asks about patient sign-in."""

from urllib.parse import urlsplit

from allauth.socialaccount.adapter import get_adapter
from django.core.exceptions import ImproperlyConfigured

from clinic_site import page_cache


def provider_names():
    """The names of the sign-in services the clinic has set up in the admin
    ("Google", "Clinic ID"...), in a stable order; empty when there is none.

    The same for every visitor, so cached pages may show it; made once per worker
    until a provider is added, changed or removed.
    """
    return page_cache.remember(
        "accounts:provider-names",
        lambda: tuple(provider.name for provider in get_adapter().list_providers(None)),
    )


def commenter_details(user):
    """The name and e-mail address a signed-in visitor's comment form starts with."""
    if not user.is_authenticated:
        return {}
    return {"name": user.get_full_name() or user.get_username(), "email": user.email}


def provider_origins(request):
    """Where the sign-in pages send the browser: each set-up provider's sign-in
    page origin ("https://accounts.google.com"), for the pages' Content Security
    Policy (a form may lead only to these and to this site)."""
    origins = set()
    for provider in get_adapter().list_providers(request):
        if provider.id == "openid_connect":
            # Its sign-in page is announced by the service itself; it is on the
            # service's own address (the issuer) for every provider we know.
            url = provider.app.settings.get("server_url", "")
        else:
            try:
                url = provider.get_oauth2_adapter(request).authorize_url
            except (AttributeError, ImproperlyConfigured, KeyError):
                continue
        parts = urlsplit(url)
        if parts.scheme in {"https", "http"} and parts.netloc:
            origins.add(f"{parts.scheme}://{parts.netloc}")
    return sorted(origins)
