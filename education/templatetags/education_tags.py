import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from clinic_site.languages import unprefixed

register = template.Library()


@register.filter
def is_current(request, url):
    """True when ``url`` is the page being shown, or the section it belongs to."""
    path = request.path
    if unprefixed(url) == "/":  # the home page, in any language
        return path == url
    return path == url or path.startswith(url)


# The characters Django's json_script escapes, so a value can never close the
# <script> element or open a comment inside it.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.filter
def json_ld(data):
    """``data`` as a JSON-LD data block (not executable script, so CSP allows it)."""
    encoded = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(
        JSON_SCRIPT_ESCAPES
    )
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(encoded))  # noqa: S308


@register.filter
def lang_if_english(item):
    """` lang="en"` for an item shown in English on a page in another language.

    A translated column holds only approved text, so an empty one means English is shown.
    """
    from django.utils.translation import get_language

    from education.services import is_translated, translated_fields

    if not translated_fields(item) or is_translated(item, get_language() or "en"):
        return ""
    return mark_safe(' lang="en"')  # noqa: S308 - a fixed attribute, no user text
