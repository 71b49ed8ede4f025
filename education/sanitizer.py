"""Sanitising of staff-written HTML.

Staff write article bodies and FAQ answers as rich text. Whatever they save is
cleaned to one allow-list here, and the same list is applied again when the
HTML is rendered, so a stored value is never trusted blindly.
"""

import html
import re

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

# Article bodies may also hold pictures from the image library, exactly as the
# editor's picture button writes them:
#   <figure><img src="..." alt="..." data-file="12"><figcaption>...</figcaption></figure>
# The page shows the library's own responsive picture and text alternative for
# data-file (education/figures.py); an <img> without a library number is removed.
IMAGE_TAGS = {"figure", "figcaption", "img"}
IMAGE_ATTRIBUTES = {"img": {"src", "alt", "data-file"}}
_LIBRARY_NUMBER = re.compile(r"\d{1,12}")
_IMG_TAG = re.compile(r"<img\b[^>]*>")


def _keep_library_number(tag, attribute, value):
    if tag == "img" and attribute == "data-file":
        return value if _LIBRARY_NUMBER.fullmatch(value) else None
    return value


def _drop_images_not_from_library(value):
    return _IMG_TAG.sub(lambda m: m.group(0) if "data-file=" in m.group(0) else "", value)


def sanitize_html(value: str, *, images: bool = False) -> str:
    """Return ``value`` with every tag, attribute and URL outside the allow-list removed.

    ``images`` also keeps figures holding a picture from the image library.
    """
    if not value:
        return ""
    tags, attributes = ALLOWED_TAGS, ALLOWED_ATTRIBUTES
    if images:
        tags = ALLOWED_TAGS | IMAGE_TAGS
        attributes = ALLOWED_ATTRIBUTES | IMAGE_ATTRIBUTES
    cleaned = nh3.clean(
        value,
        tags=tags,
        attributes=attributes,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
        attribute_filter=_keep_library_number if images else None,
    )
    return _drop_images_not_from_library(cleaned) if images else cleaned


def render_html(value: str, *, images: bool = False) -> SafeString:
    """Sanitise stored staff HTML once more and mark the result safe for templates."""
    # The output of the allow-list above.
    return mark_safe(sanitize_html(value, images=images))  # noqa: S308


def html_to_text(value: str) -> str:
    """The words a reader sees in stored HTML: no tags, entities decoded, spaces collapsed."""
    return " ".join(html.unescape(strip_tags(value or "")).split())
