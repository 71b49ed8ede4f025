from django.utils import translation
from django.utils.functional import SimpleLazyObject

from . import services
from .navigation import resolved


def clinic(request):
    """The clinic's profile and the main navigation, for every template."""
    language = translation.get_language()
    return {
        "clinic": SimpleLazyObject(services.clinic_profile),
        "main_navigation": resolved("main", language),
        "footer_navigation": resolved("footer", language),
    }
