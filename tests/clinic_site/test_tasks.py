"""E-mail leaves through the task queue: a real worker process sends it, a failure is
retried and kept where staff can see it, and no request waits for a mail server."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.contrib.auth.models import Group
from django.core import mail
from django.db import connection
from django.urls import reverse
from django_tasks_db.models import DBTaskResult

from tests.comments.helpers import post_comment
from tests.factories import ArticleFactory, StaffUserFactory, SuperUserFactory

pytestmark = pytest.mark.django_db(transaction=True)

DATABASE_QUEUE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}


@pytest.fixture
def database_queue(settings):
    settings.TASKS = DATABASE_QUEUE


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(email="moderator@example.com")
    user.groups.add(Group.objects.get_or_create(name="Comment moderator")[0])
    return user


def run_worker(email_backend, email_dir=""):
    """``manage.py db_worker`` in its own process, on this test's database, until idle."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "clinic_site.settings.test",
        "TEST_WORKER": "1",
        "TEST_WORKER_EMAIL_BACKEND": email_backend,
        "TEST_WORKER_EMAIL_DIR": str(email_dir),
        "PYTHONPATH": str(django_settings.BASE_DIR),
    }
    if db["ENGINE"] == "django.db.backends.sqlite3":
        env["SQLITE_PATH"] = db["NAME"]
        env.pop("DATABASE_URL", None)
    else:
        env["DATABASE_URL"] = (
            f"postgres://{db['USER']}:{db['PASSWORD'] or ''}@{db['HOST'] or 'localhost'}"
            f":{db['PORT'] or 5432}/{db['NAME']}"
        )
    connection.close()  # SQLite: let the worker take the write lock
    result = subprocess.run(
        [sys.executable, "manage.py", "db_worker", "--batch", "--no-startup-delay"],
        cwd=django_settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    return result


def test_a_held_comment_is_mailed_by_the_worker_not_by_the_request(
    client, clinic, moderator, database_queue, tmp_path
):
    article = ArticleFactory()

    response = post_comment(client, article, body="Will it hurt?")

    assert response.status_code == 302
    assert mail.outbox == []  # nothing sent inside the request
    [queued] = DBTaskResult.objects.all()
    assert queued.status == "READY"
    assert queued.task_path == "clinic_site.tasks.send_email"

    run_worker("django.core.mail.backends.filebased.EmailBackend", tmp_path)

    queued.refresh_from_db()
    assert queued.status == "SUCCESSFUL"
    [message] = [path.read_text() for path in Path(tmp_path).iterdir()]
    assert "A comment waits for review" in message
    assert "moderator@example.com" in message


def test_a_failed_send_is_retried_later_and_shown_to_staff(
    client, clinic, moderator, database_queue
):
    post_comment(client, ArticleFactory(), body="Sent while the mail server is down")

    run_worker("tests.comments.test_notifications.BrokenMailServer")

    failed = DBTaskResult.objects.get(status="FAILED")
    assert "SMTPServerDisconnected" in failed.traceback
    retry = DBTaskResult.objects.get(status="READY")
    assert retry.args_kwargs["kwargs"]["attempt"] == 2
    assert retry.run_after > failed.finished_at

    client.force_login(SuperUserFactory(username="boss"))
    listing = client.get(reverse("admin:django_tasks_database_dbtaskresult_changelist"))
    assert listing.status_code == 200
    assert "Failed" in listing.content.decode() or "FAILED" in listing.content.decode()
