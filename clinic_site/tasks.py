"""E-mail leaves the site only from the task worker, never inside a web request.

``queue_email`` is what apps call: once the current transaction commits, it puts a
``send_email`` task on the queue (a table in the site's database, see TASKS in the
settings). The worker (``manage.py db_worker``) sends it. A send that fails is
recorded as a failed task, with its error, on the admin's "Task results" page, and
is tried again later, up to ``TASK_EMAIL_ATTEMPTS`` times in all.
"""

import datetime
import logging

from django.conf import settings
from django.core.mail import EmailMessage
from django.db import transaction
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)


def retry_delay(attempt: int) -> datetime.timedelta:
    """1, 4, 16, 64… minutes: a mail server that is down for a while gets time to recover."""
    return datetime.timedelta(minutes=4 ** (attempt - 1))


@task()
def send_email(
    *,
    subject: str,
    body: str,
    recipients: list[str],
    attempt: int = 1,
    headers: dict[str, str] | None = None,
) -> int:
    """``headers``: extra message headers, such as ``List-Unsubscribe``."""
    try:
        message = EmailMessage(subject=subject, body=body, to=recipients, headers=headers)
        return message.send()
    except Exception:
        attempts = settings.TASK_EMAIL_ATTEMPTS
        logger.exception(
            "Could not send the e-mail “%s” (try %s of %s)", subject, attempt, attempts
        )
        if attempt < attempts:
            retry = send_email
            if retry.get_backend().supports_defer:
                retry = retry.using(run_after=timezone.now() + retry_delay(attempt))
            retry.enqueue(
                subject=subject,
                body=body,
                recipients=recipients,
                attempt=attempt + 1,
                headers=headers,
            )
        raise


def queue_email(
    *, subject: str, body: str, recipients: list[str], headers: dict[str, str] | None = None
) -> None:
    """Send an e-mail from the worker once the current transaction has committed."""
    recipients = sorted(set(recipients))
    if not recipients:
        return
    transaction.on_commit(
        lambda: send_email.enqueue(
            subject=subject, body=body, recipients=recipients, headers=headers
        )
    )
