from django import template
from django.conf import settings

register = template.Library()


@register.simple_tag
def login_limits():
    """The two sign-in limits and the cool-off in minutes, for the staff's note."""
    return {
        "address": settings.AXES_ADDRESS_FAILURE_LIMIT,
        "account": settings.AXES_ACCOUNT_FAILURE_LIMIT,
        "minutes": int(settings.AXES_COOLOFF_TIME.total_seconds() // 60),
    }
