from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from comments.models import Comment

pytestmark = pytest.mark.django_db


def test_demo_comments_show_every_state_and_load_only_once(demo_content, settings):
    settings.DEMO_ACCOUNTS_ALLOWED = True
    call_command("load_demo_comments", stdout=StringIO())
    statuses = set(Comment.objects.values_list("status", flat=True))
    assert statuses == {"approved", "pending", "spam"}
    held = Comment.objects.get(status="pending")
    assert "Looks like it contains a phone number" in held.reasons
    assert Comment.objects.filter(is_staff_reply=True).count() == 2
    count = Comment.objects.count()
    call_command("load_demo_comments", stdout=StringIO())
    assert Comment.objects.count() == count


def test_demo_comments_are_refused_outside_development(demo_content):
    with pytest.raises(CommandError):
        call_command("load_demo_comments", stdout=StringIO())
    assert not Comment.objects.exists()
