"""The production set-up: Debian's nginx with deploy/nginx/ in front of a real gunicorn.

Both bind free ports; nginx keeps everything (pid, cache, logs) in the test's folder.
"""

import http.client
import re
import subprocess
import time
from http.cookies import SimpleCookie
from pathlib import Path
from urllib.parse import urlencode

import pytest

from clinic_site.management.commands.nginx_config import nginx_command, render_standalone
from education import demo_content
from tests.servers import free_port, gunicorn, manage, prepare_site, production_env, wait_for

# Its servers start once for the module: all of it runs in one test process.
pytestmark = pytest.mark.xdist_group("nginx")

PASSWORD = "a-long-test-password-for-nginx"


class Response:
    def __init__(self, raw):
        self.status = raw.status
        self.headers = raw.headers
        self.body = raw.read()
        self.text = self.body.decode(errors="replace")


class Browser:
    """Just enough of a browser: keeps cookies, sends what it is told to."""

    def __init__(self, port):
        self.port = port
        self.cookies = {}

    def request(self, method, path, body=None, headers=None):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        headers = {"Host": "localhost", **(headers or {})}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urlencode(body)
            headers["Content-Type"] = "application/x-www-form-urlencoded"
            headers.setdefault("Origin", "http://localhost")
        connection.request(method, path, body=body, headers=headers)
        response = Response(connection.getresponse())
        connection.close()
        for header in response.headers.get_all("Set-Cookie") or []:
            for name, morsel in SimpleCookie(header).items():
                if morsel.value:
                    self.cookies[name] = morsel.value
                else:
                    self.cookies.pop(name, None)
        return response

    def get(self, path, **headers):
        return self.request("GET", path, headers=headers)

    def post(self, path, data):
        return self.request("POST", path, body=data)


@pytest.fixture(scope="module")
def proxy(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("nginx")
    env = production_env(workdir, TRUSTED_PROXY_COUNT="1")
    prepare_site(env)
    manage(
        env,
        "shell",
        "-c",
        "from django.contrib.auth import get_user_model;"
        f"get_user_model().objects.create_superuser('boss', 'boss@example.com', '{PASSWORD}');"
        "from comments.models import CommentSettings; s = CommentSettings.load();"
        "s.min_seconds_to_submit = 0; s.save()",
    )
    with gunicorn(env) as upstream:
        port = free_port()
        prefix = workdir / "nginx"
        config = render_standalone(
            prefix=prefix,
            listen=f"127.0.0.1:{port}",
            upstream=upstream.removeprefix("http://"),
            static_root=env["STATIC_ROOT"],
        )
        (prefix / "nginx.conf").write_text(config)
        server = subprocess.Popen(
            nginx_command(prefix), stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
        )
        try:
            wait_for(lambda: Browser(port).get("/healthz").status == 200, what="nginx")
            yield {"port": port, "env": env, "static_root": Path(env["STATIC_ROOT"])}
        finally:
            server.terminate()
            server.wait(timeout=10)


def test_an_anonymous_page_is_served_from_the_proxy_cache(proxy):
    visitor = Browser(proxy["port"])
    first = visitor.get("/faq/")
    second = visitor.get("/faq/")

    assert first.status == second.status == 200
    assert first.headers["X-Cache-Status"] in {"MISS", "EXPIRED", "HIT", "UPDATING"}
    assert second.headers["X-Cache-Status"] == "HIT"
    assert second.body == first.body
    assert "Set-Cookie" not in second.headers
    assert second.headers["Cache-Control"] == "public, max-age=0, s-maxage=1"


def signed_in_staff(port):
    staff = Browser(port)
    login = staff.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    signed_in = staff.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": "boss", "password": PASSWORD, "next": "/admin/"},
    )
    assert signed_in.status == 302, signed_in.text[:500]
    assert "sessionid" in staff.cookies
    return staff


def test_a_staff_page_never_comes_from_the_proxy_cache(proxy):
    staff = signed_in_staff(proxy["port"])

    for _ in range(2):
        admin = staff.get("/admin/")
        page = staff.get("/faq/")
        assert admin.status == page.status == 200
        assert admin.headers["X-Cache-Status"] == page.headers["X-Cache-Status"] == "BYPASS"
        assert "private" in page.headers["Cache-Control"]
        assert "X-Page-Cache" not in page.headers  # rendered for this person


def test_a_new_approved_comment_shows_within_the_documented_delay(proxy):
    article = "/articles/what-is-ims/"
    patient = Browser(proxy["port"])
    page = patient.get(article)
    patient.get(article)  # now in the proxy cache
    token_url = re.search(r'data-form-token-url="([^"]+)"', page.text).group(1)
    token = patient.get(token_url, Accept="application/json").text
    form_token = re.search(r'"form_token": "([^"]+)"', token).group(1)
    sent = patient.post(
        "/articles/what-is-ims/comments/",
        {
            "name": "Robin",
            "email": "robin@example.com",
            "body": "Thank you, this answered my question about soreness.",
            "consent": "on",
            "subject": "",
            "parent": "",
            "form_token": form_token,
        },
    )
    assert sent.status == 302, sent.text[:500]

    manage(
        proxy["env"],
        "shell",
        "-c",
        "from comments.models import Comment; from comments.services import comment_approve;"
        "from django.contrib.auth import get_user_model;"
        "comment_approve(comment=Comment.objects.get(name='Robin'),"
        " moderator=get_user_model().objects.get(username='boss'))",
    )
    approved_at = time.monotonic()
    reader = Browser(proxy["port"])
    while "answered my question about soreness" not in reader.get(article).text:
        # README: a change reaches every worker within a second, and nginx keeps
        # a page one second more.
        assert time.monotonic() - approved_at < 3, "the approved comment did not show"
        time.sleep(0.1)


def set_phone(env, phone):
    manage(
        env,
        "shell",
        "-c",
        "from education.models import ClinicProfile; p = ClinicProfile.load();"
        f"p.phone = {phone!r}; p.save()",
    )


def test_the_first_visitor_after_a_quiet_spell_gets_the_changed_page(proxy):
    # Not only the visitors after them: nginx must not answer with its old copy
    # while it fetches the new one (README: a change shows within about two seconds).
    browser = Browser(proxy["port"])
    browser.get("/")
    assert browser.get("/").headers["X-Cache-Status"] == "HIT"
    set_phone(proxy["env"], "604-555-0177")
    try:
        # A second for every worker to see the change, a second for nginx's copy.
        time.sleep(2.5)
        page = browser.get("/")
        assert "604-555-0177" in page.text, page.headers["X-Cache-Status"]
    finally:
        set_phone(proxy["env"], demo_content.CLINIC["phone"])  # as loaded


def test_headers_are_intact_through_the_proxy(proxy):
    visitor = Browser(proxy["port"])
    visitor.get("/", **{"Accept-Encoding": "gzip, br"})
    page = visitor.get("/", **{"Accept-Encoding": "gzip, br"})

    assert page.headers["Content-Encoding"] == "br"  # the site's own, passed through
    assert "Accept-Encoding" in page.headers["Vary"]
    for header in (
        "Content-Security-Policy",
        "X-Frame-Options",
        "X-Content-Type-Options",
        "Referrer-Policy",
        "Permissions-Policy",
        "Cross-Origin-Opener-Policy",
        "X-Request-ID",
    ):
        assert page.headers[header], header
    assert "nginx/" not in page.headers.get("Server", "")

    health = [visitor.get("/healthz") for _ in range(2)]
    assert all(r.status == 200 and "X-Cache-Status" not in r.headers for r in health)
    assert health[0].headers["X-Request-ID"] != health[1].headers["X-Request-ID"]


def test_each_encoding_is_stored_once_whatever_the_browser_sends(proxy):
    """Browsers word Accept-Encoding differently; one stored copy serves each encoding."""
    visitor = Browser(proxy["port"])
    path = "/faq/"
    visitor.get(path, **{"Accept-Encoding": "gzip, deflate, br, zstd"})
    brotli = visitor.get(path, **{"Accept-Encoding": "br;q=1.0, gzip;q=0.8"})
    assert brotli.headers["X-Cache-Status"] == "HIT"
    assert brotli.headers["Content-Encoding"] == "br"

    gzipped = [visitor.get(path, **{"Accept-Encoding": "gzip"}) for _ in range(2)]
    assert gzipped[0].headers["Content-Encoding"] == "gzip"
    assert gzipped[1].headers["X-Cache-Status"] == "HIT"

    plain = [visitor.get(path) for _ in range(2)]
    assert "Content-Encoding" not in plain[1].headers
    assert plain[1].headers["X-Cache-Status"] == "HIT"
    assert plain[1].text.lstrip().lower().startswith("<!doctype html>")


def test_static_files_come_from_nginx_with_the_collected_gzip_copy(proxy):
    manifest = (proxy["static_root"] / "staticfiles.json").read_text()
    css = re.search(r'"css/site\.css": "([^"]+)"', manifest).group(1)
    visitor = Browser(proxy["port"])
    response = visitor.get(f"/static/{css}", **{"Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response.headers["Content-Encoding"] == "gzip"
    assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "X-Request-ID" not in response.headers  # never reached the site


def test_a_large_upload_is_refused_by_nginx_before_the_site(proxy):
    visitor = Browser(proxy["port"])
    response = visitor.post("/articles/what-is-ims/comments/", {"body": "x" * 21_000_000})

    assert response.status == 413


# A moderator's article page carries the clinic's reply forms and their CSRF token.
def test_a_moderator_page_with_reply_forms_never_reaches_anonymous_visitors(proxy):
    pk = manage(
        proxy["env"],
        "shell",
        "-c",
        "from comments.models import Comment; from education.models import Article;"
        "c = Comment.objects.create(article=Article.objects.get(slug='what-is-ims'),"
        " name='Robin', email='robin@example.com', body='Will it hurt?', status='approved');"
        "print('comment', c.pk)",
    )
    pk = re.search(r"^comment (\d+)$", pk, re.MULTILINE).group(1)
    reply_form = f"/comments/{pk}/reply/"
    staff = signed_in_staff(proxy["port"])
    for _ in range(2):
        page = staff.get("/articles/what-is-ims/")
        assert page.status == 200
        assert reply_form in page.text
        assert page.headers["X-Cache-Status"] == "BYPASS"
        assert "private" in page.headers["Cache-Control"]
        assert "X-Page-Cache" not in page.headers

    # The article may already be stored from an earlier test: the new comment
    # reaches anonymous visitors within the documented delay (README, "Caching").
    created_at = time.monotonic()
    while "Will it hurt?" not in Browser(proxy["port"]).get("/articles/what-is-ims/").text:
        assert time.monotonic() - created_at < 3, "the approved comment did not show"
        time.sleep(0.1)
    for _ in range(3):
        visitor = Browser(proxy["port"])
        page = visitor.get("/articles/what-is-ims/")
        assert page.status == 200
        assert "Will it hurt?" in page.text
        assert reply_form not in page.text
        assert "csrfmiddlewaretoken" not in page.text
        assert "Set-Cookie" not in page.headers
        assert "public" in page.headers["Cache-Control"]
    assert page.headers["X-Cache-Status"] == "HIT"
