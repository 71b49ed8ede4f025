"""Akismet, for clinics that have a key: off unless staff turn it on and a key is set.

The key is a secret, so it comes from the server's environment (``AKISMET_API_KEY``),
never from the database: it stays out of database backups, the admin's pages and
data exports, and a staff account that is taken over cannot read or change it.
Staff only switch the check on and off (``CommentSettings.akismet_on``).

Akismet never holds up a comment. The comment is stored first, held for review as
usual; the task worker then asks Akismet (``tasks.akismet_check``), with a short
timeout. Spam goes to the spam folder with the reason "Akismet: spam"; an answer of
"not spam", a timeout, an error or a service that is down all leave the comment in
the review list, where it would have been anyway. Moderators' spam and not-spam
decisions are sent back to Akismet (``submit-spam`` / ``submit-ham``), as its terms ask.
"""

import contextlib
import logging

import httpx
from django.conf import settings

logger = logging.getLogger(__name__)

AKISMET_SPAM = "Akismet: spam"
AKISMET_SERVICE = "https://rest.akismet.com"


class _ServiceAt(httpx.BaseTransport):
    """Sends the client's requests to ``AKISMET_API_URL`` instead of Akismet's own
    address: for a compatible service, or a local server in the tests."""

    def __init__(self, base_url, timeout):
        self.base = httpx.URL(base_url)
        self.inner = httpx.HTTPTransport()
        self.timeout = timeout

    def handle_request(self, request):
        request.url = request.url.copy_with(
            scheme=self.base.scheme, host=self.base.host, port=self.base.port
        )
        request.headers["Host"] = self.base.netloc.decode("ascii")
        return self.inner.handle_request(request)

    def close(self):
        self.inner.close()


def key():
    return getattr(settings, "AKISMET_API_KEY", "")


def enabled(comment_settings=None):
    """Akismet is asked only when staff turned it on and the server has a key."""
    if not key():
        return False
    if comment_settings is None:
        from .models import CommentSettings

        comment_settings = CommentSettings.load()
    return comment_settings.akismet_on


@contextlib.contextmanager
def client(site_url):
    """An Akismet client with this site's key and timeout; its connections are closed
    afterwards. (Not the client's own ``with``: that asks Akismet to verify the key
    first, a second round trip for every comment.)"""
    import akismet

    timeout = float(getattr(settings, "AKISMET_TIMEOUT", 3))
    kwargs = {"headers": {"User-Agent": akismet.USER_AGENT}, "timeout": timeout}
    base_url = getattr(settings, "AKISMET_API_URL", "") or AKISMET_SERVICE
    if base_url != AKISMET_SERVICE:
        kwargs["transport"] = _ServiceAt(base_url, timeout)
    with httpx.Client(**kwargs) as http:
        yield akismet.SyncClient(
            config=akismet.Config(key=key(), url=site_url or "http://localhost/"),
            http_client=http,
        )


def _arguments(comment, *, ip="", permalink=""):
    return {
        "comment_type": "reply" if comment.parent_id else "comment",
        "comment_author": comment.name,
        "comment_author_email": comment.email,
        "comment_author_url": comment.website,
        "comment_content": comment.body,
        "comment_date_gmt": comment.created_at.isoformat(),
        "permalink": permalink,
        "user_agent": comment.user_agent,
    }


def is_spam(comment, *, ip, site_url):
    """True or False from Akismet, or None when it could not be asked in time."""
    import akismet

    permalink = site_url.rstrip("/") + comment.article.get_absolute_url() if site_url else ""
    try:
        with client(site_url) as service:
            answer = service.comment_check(
                user_ip=ip or "127.0.0.1", **_arguments(comment, permalink=permalink)
            )
    except akismet.AkismetError as error:
        logger.warning("Akismet could not check comment %s: %s", comment.pk, error)
        return None
    return bool(answer)


def report(comment, *, site_url):
    """Tell Akismet what a moderator decided. Returns whether it was told."""
    import akismet

    try:
        with client(site_url) as service:
            send = service.submit_spam if comment.spam_verdict == "spam" else service.submit_ham
            # The network address was scrambled on arrival; Akismet's API requires one.
            return send(user_ip="127.0.0.1", **_arguments(comment))
    except akismet.AkismetError as error:
        logger.warning("Could not tell Akismet about comment %s: %s", comment.pk, error)
        return False
