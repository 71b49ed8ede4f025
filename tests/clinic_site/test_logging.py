"""Logs are JSON lines on standard output; a server error has its request id and reaches ADMINS."""

import io
import json
import logging

import pytest
from django.core import mail

from education.views import ContactView

pytestmark = pytest.mark.django_db


@pytest.fixture
def log_lines():
    """What the site writes to standard output, one parsed JSON object per line."""
    handler = next(h for h in logging.getLogger("django.request").handlers if h.name == "stdout")
    stream = io.StringIO()
    previous = handler.setStream(stream)
    lines = []
    yield lambda: lines or [json.loads(line) for line in stream.getvalue().splitlines()]
    handler.setStream(previous)


@pytest.fixture
def broken_contact_page(monkeypatch):
    def explode(self, **kwargs):
        raise RuntimeError("the contact page broke")

    monkeypatch.setattr(ContactView, "get_context_data", explode)


def test_every_response_carries_a_request_id(client, clinic):
    first = client.get("/")["X-Request-ID"]
    second = client.get("/")["X-Request-ID"]

    assert len(first) == 32
    assert first != second


def test_a_request_id_from_our_proxy_is_kept_and_a_strange_one_replaced(client, clinic):
    assert client.get("/", headers={"X-Request-ID": "proxy-1234abcd"})["X-Request-ID"] == (
        "proxy-1234abcd"
    )
    assert client.get("/", headers={"X-Request-ID": "<script>"})["X-Request-ID"] != "<script>"


def test_a_server_error_is_logged_as_json_with_its_request_id(
    client, clinic, broken_contact_page, log_lines
):
    client.raise_request_exception = False

    response = client.get("/contact/")

    assert response.status_code == 500
    assert "Sorry, something went wrong" in response.content.decode()
    [entry] = [e for e in log_lines() if e["level"] == "ERROR"]
    assert entry["request_id"] == response["X-Request-ID"]
    assert entry["status_code"] == 500
    assert entry["path"] == "/contact/"
    assert "the contact page broke" in entry["exception"]


def test_a_server_error_is_e_mailed_to_the_admins(client, clinic, broken_contact_page, settings):
    settings.ADMINS = [("Site administrator", "webmaster@example.com")]
    client.raise_request_exception = False

    client.get("/contact/")

    [message] = mail.outbox
    assert message.to == ["webmaster@example.com"]
    assert "/contact/" in message.subject
    assert "the contact page broke" in message.body


def test_no_e_mail_when_no_admins_are_configured(client, clinic, broken_contact_page, settings):
    settings.ADMINS = []
    client.raise_request_exception = False

    client.get("/contact/")

    assert mail.outbox == []
