import pytest

from education.sanitizer import sanitize_html


@pytest.mark.parametrize(
    "dirty",
    [
        "<script>alert(1)</script>",
        '<img src=x onerror="alert(1)">',
        '<p onmouseover="alert(1)">text</p>',
        '<a href="javascript:alert(1)">link</a>',
        '<svg onload="alert(1)"></svg>',
        '<iframe src="https://example.com"></iframe>',
        '<a href="data:text/html;base64,PHNjcmlwdD4=">x</a>',
        "<style>body{display:none}</style>",
    ],
)
def test_scripts_event_handlers_and_dangerous_urls_are_removed(dirty):
    clean = sanitize_html(dirty).lower()
    assert "<script" not in clean
    assert "onerror" not in clean and "onload" not in clean and "onmouseover" not in clean
    assert "javascript:" not in clean and "data:" not in clean
    assert "<iframe" not in clean and "<style" not in clean and "<svg" not in clean


def test_headings_lists_links_and_emphasis_are_kept():
    html = (
        "<h2>Title</h2><ul><li><strong>Bold</strong> and <em>italic</em></li></ul>"
        '<p><a href="https://www.istop.org/">iSTOP</a></p>'
    )
    clean = sanitize_html(html)
    for fragment in ("<h2>Title</h2>", "<ul><li><strong>Bold</strong>", "<em>italic</em>"):
        assert fragment in clean
    assert 'href="https://www.istop.org/"' in clean
    assert 'rel="noopener noreferrer"' in clean
