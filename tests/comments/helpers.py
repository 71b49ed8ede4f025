"""Helpers that send the comment form the way a patient's browser does."""

import datetime
import itertools

from django.urls import reverse
from django.utils import timezone

from comments.moderation import make_form_token

_addresses = itertools.count(1)


def form_data(article, *, seconds_ago=10, **overrides):
    """What a patient's browser sends: the form as shown some seconds ago, filled in."""
    shown_at = timezone.now() - datetime.timedelta(seconds=seconds_ago)
    n = next(_addresses)
    data = {
        "name": "Jamie Rivera",
        "email": f"jamie{n}@example.com",
        "website": "",
        "body": "Does the soreness after IMS usually last a day or two?",
        "consent": "on",
        "subject": "",
        "parent": "",
        "form_token": make_form_token(article.pk, now=shown_at),
    }
    data.update(overrides)
    return data


def post_comment(client, article, *, ip=None, user_agent="Mozilla/5.0 (test phone)", **overrides):
    """Send the comment form from its own network address unless told otherwise."""
    n = next(_addresses)
    ip = ip or f"10.0.{n // 250}.{n % 250 + 1}"
    return client.post(
        reverse("comments:post", kwargs={"slug": article.slug}),
        form_data(article, **overrides),
        REMOTE_ADDR=ip,
        HTTP_USER_AGENT=user_agent,
    )
