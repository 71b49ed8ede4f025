"""Pictures in article bodies, shown from the image library.

The editor stores a figure with the library number of its picture (data-file).
On the page each such figure becomes the library's responsive <picture>, with the
library's text alternative, whatever the stored <img> said; a figure whose
picture is no longer in the library is left out.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .models import Image

FIGURE = re.compile(r"<figure\b[^>]*>(?P<inner>.*?)</figure>", re.S)
LIBRARY_NUMBER = re.compile(r'<img\b[^>]*\bdata-file="(?P<pk>\d+)"[^>]*>')
CAPTION = re.compile(r"<figcaption\b[^>]*>(?P<caption>.*?)</figcaption>", re.S)
BODY_SIZES = "(min-width: 1200px) 740px, (min-width: 992px) 62vw, calc(100vw - 24px)"


def library_numbers(html):
    return {int(match.group("pk")) for match in LIBRARY_NUMBER.finditer(html)}


def show_library_figures(html):
    """``html`` (already sanitised) with each library figure drawn from the library."""
    numbers = library_numbers(html)
    if not numbers:
        return html
    pictures = Image.objects.in_bulk(numbers)

    def replace(match):
        inner = match.group("inner")
        number = LIBRARY_NUMBER.search(inner)
        image = pictures.get(int(number.group("pk"))) if number else None
        if image is None:
            return ""
        caption = CAPTION.search(inner)
        # The stored caption is sanitised staff HTML (links, bold...); the library's
        # caption and credit are plain text, escaped by format_html.
        caption_html = mark_safe(caption.group("caption")) if caption else image.caption  # noqa: S308
        credit = format_html(' <span class="figure-credit">{}</span>', image.credit_line)
        return format_html(
            '<figure class="library-figure">{}{}</figure>',
            image.picture_html(sizes=BODY_SIZES),
            format_html(
                '<figcaption class="figure-caption">{}{}</figcaption>',
                caption_html,
                credit if image.credit_line else "",
            )
            if caption_html or image.credit_line
            else "",
        )

    return mark_safe(FIGURE.sub(replace, html))  # noqa: S308 - sanitised input, escaped parts
