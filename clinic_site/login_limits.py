"""Two limits on wrong staff passwords, both counted by django-axes within its cool-off.

* ``AXES_ADDRESS_FAILURE_LIMIT`` (default 5) for one username from one address:
  someone mistyping at the front desk is paused, colleagues elsewhere are not.
* ``AXES_ACCOUNT_FAILURE_LIMIT`` (default 20) for one username from all
  addresses together: an attacker with many addresses gets 20 guesses in all,
  not 5 from each.

Axes locks when the largest of its counts (one per ``AXES_LOCKOUT_PARAMETERS``
entry: the username and address pair, and the username alone) reaches
``AXES_FAILURE_LIMIT``. That limit may be a callable; this one answers the
pair's limit once the pair has reached it, and the account's limit otherwise.
"""

from axes.attempts import get_cool_off_threshold
from axes.helpers import get_client_username
from axes.models import AccessAttempt
from django.conf import settings
from django.db.models import Sum

from .client_ip import client_ip


def address_failures(request, credentials):
    attempts = AccessAttempt.objects.filter(
        username=get_client_username(request, credentials),
        ip_address=getattr(request, "axes_ip_address", None) or client_ip(request),
    )
    if settings.AXES_COOLOFF_TIME is not None:
        attempts = attempts.filter(attempt_time__gte=get_cool_off_threshold(request))
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


def failure_limit(request, credentials=None):
    """AXES_FAILURE_LIMIT: the limit that applies to this sign-in attempt."""
    if request is not None and address_failures(request, credentials) >= (
        settings.AXES_ADDRESS_FAILURE_LIMIT
    ):
        return settings.AXES_ADDRESS_FAILURE_LIMIT
    return settings.AXES_ACCOUNT_FAILURE_LIMIT
