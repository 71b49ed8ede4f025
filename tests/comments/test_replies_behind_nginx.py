"""Behind nginx, as in production: a moderator's article page, with the clinic's
reply forms and their CSRF token, is never kept by the proxy or the page cache,
and no anonymous visitor ever gets it."""

import re

from tests.clinic_site.test_nginx import PASSWORD, Browser, proxy  # noqa: F401 (fixture)
from tests.servers import manage

ARTICLE = "/articles/what-is-ims/"


def sign_in(port):
    staff = Browser(port)
    login = staff.get("/admin/login/")
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text).group(1)
    signed_in = staff.post(
        "/admin/login/?next=/admin/",
        {"csrfmiddlewaretoken": token, "username": "boss", "password": PASSWORD, "next": "/admin/"},
    )
    assert signed_in.status == 302, signed_in.text[:500]
    return staff


def test_a_moderator_page_with_reply_forms_never_reaches_anonymous_visitors(proxy):  # noqa: F811
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
    staff = sign_in(proxy["port"])
    for _ in range(2):
        page = staff.get(ARTICLE)
        assert page.status == 200
        assert reply_form in page.text
        assert page.headers["X-Cache-Status"] == "BYPASS"
        assert "private" in page.headers["Cache-Control"]
        assert "X-Page-Cache" not in page.headers

    for _ in range(3):
        visitor = Browser(proxy["port"])
        page = visitor.get(ARTICLE)
        assert page.status == 200
        assert "Will it hurt?" in page.text
        assert reply_form not in page.text
        assert "csrfmiddlewaretoken" not in page.text
        assert "Set-Cookie" not in page.headers
        assert "public" in page.headers["Cache-Control"]
    assert page.headers["X-Cache-Status"] == "HIT"
