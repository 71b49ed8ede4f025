import secrets

from django.conf import settings

from .generation import current_generation


def page_cache(request):
    """For ``{% cache page_cache_seconds name page_generation ... %}`` in templates.

    Fragments keyed on the generation are stale as soon as content changes; when
    the generation cannot be known (the shared cache is down) each render gets a
    key of its own, so no fragment from before is used.
    """
    generation = current_generation()
    return {
        "page_generation": generation or f"none-{secrets.token_hex(8)}",
        "page_cache_seconds": settings.PAGE_CACHE_SECONDS,
    }
