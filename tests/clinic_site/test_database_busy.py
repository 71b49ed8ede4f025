"""A comment sent while another writer holds the database gets a 503 page that keeps it."""

import json
import os
import subprocess
import sys

from django.conf import settings

from tests.clinic_site.helpers import COMMENT_RESCUE_FIELDS, rescue_form, send_again

# Runs in its own process on a database file, the way a server runs: the lock and
# the busy timeout are SQLite's own, not a simulation.
SCENARIO = r"""
import json, os, sqlite3, time
import django
django.setup()
from django.core.management import call_command
call_command("migrate", verbosity=0)
from django.test import Client
from django.urls import reverse
from comments.models import Comment, CommenterLock
from tests.comments.helpers import form_data
from tests.factories import ArticleFactory, ClinicProfileFactory

ClinicProfileFactory()
article = ArticleFactory(slug="busy-day")
url = reverse("comments:post", kwargs={"slug": article.slug})
data = form_data(article, body="Is it normal to feel <tired> after IMS & sore?")

other_writer = sqlite3.connect(os.environ["SQLITE_PATH"], isolation_level=None)
other_writer.execute("BEGIN IMMEDIATE")
started = time.monotonic()
busy = Client().post(url, data, REMOTE_ADDR="10.9.9.9")
waited = time.monotonic() - started
counts_while_locked = [Comment.objects.count(), CommenterLock.objects.count()]
other_writer.execute("ROLLBACK")

print(json.dumps({
    "status": busy.status_code,
    "retry_after": busy.get("Retry-After"),
    "html": busy.content.decode(),
    "waited": waited,
    "counts_while_locked": counts_while_locked,
    "url": url,
}))
"""

RESEND = r"""
import json, sys
import django
django.setup()
from django.test import Client
from comments.models import Comment
sent = json.loads(sys.stdin.read())
response = Client().post(sent["url"], sent["fields"], REMOTE_ADDR="10.9.9.9")
bodies = list(Comment.objects.values_list("body", flat=True))
print(json.dumps({"status": response.status_code, "bodies": bodies}))
"""


def run(code, db_path, stdin=None):
    env = {key: value for key, value in os.environ.items() if key != "DATABASE_URL"}
    env.update(
        DJANGO_SETTINGS_MODULE="clinic_site.settings.test",
        SQLITE_PATH=str(db_path),
        SQLITE_BUSY_TIMEOUT="0.5",
        PAGE_CACHE_SECONDS="0",
    )
    result = subprocess.run(
        [sys.executable, "-c", code],
        cwd=settings.BASE_DIR,
        env=env,
        input=stdin,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_locked_database_gives_a_503_that_keeps_the_comment_and_stores_nothing(tmp_path):
    db_path = tmp_path / "site.sqlite3"

    busy = run(SCENARIO, db_path)

    assert busy["status"] == 503
    assert busy["retry_after"]
    assert busy["waited"] >= 0.5  # it waited the busy timeout out before giving up
    assert busy["counts_while_locked"] == [0, 0]  # no comment, no half-made rows
    page = busy["html"]
    assert "the site is very busy" in page
    assert "Is it normal to feel &lt;tired&gt; after IMS &amp; sore?" in page
    form = rescue_form(page)
    fields = form["fields"]
    assert fields["body"] == "Is it normal to feel <tired> after IMS & sore?"
    assert fields["name"] == "Jamie Rivera"
    # Only what the patient typed, and a token made anew; no honeypot, no reply-to id.
    assert set(fields) == COMMENT_RESCUE_FIELDS

    # Once the other writer is done, "Send again" stores the comment, once.
    resent = run(
        RESEND, db_path, stdin=json.dumps({"url": busy["url"], "fields": send_again(form)})
    )

    assert resent["status"] == 302
    assert resent["bodies"] == ["Is it normal to feel <tired> after IMS & sore?"]
