"""Sanitising of staff-written HTML.

Staff write article bodies and FAQ answers as rich text. Whatever they save is
cleaned to one allow-list here, and the same list is applied again when the
HTML is rendered, so a stored value is never trusted blindly.
"""

import html

import nh3
from django.utils.html import strip_tags
from django.utils.safestring import SafeString, mark_safe

ALLOWED_TAGS = {
    "a",
    "b",
    "blockquote",
    "br",
    "em",
    "h2",
    "h3",
    "h4",
    "i",
    "li",
    "ol",
    "p",
    "strong",
    "ul",
}
ALLOWED_ATTRIBUTES = {"a": {"href", "title"}}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto", "tel"}


def sanitize_html(value: str) -> str:
    """Return ``value`` with every tag, attribute and URL outside the allow-list removed."""
    if not value:
        return ""
    return nh3.clean(
        value,
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )


def render_html(value: str) -> SafeString:
    """Sanitise stored staff HTML once more and mark the result safe for templates."""
    return mark_safe(sanitize_html(value))  # noqa: S308 - output of the allow-list above


def html_to_text(value: str) -> str:
    """The words a reader sees in stored HTML: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(value or "")).split())
