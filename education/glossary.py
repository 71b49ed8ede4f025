"""Links the glossary's words in article bodies to their meanings.

The article body is staff HTML that has already been sanitised. It is read with
a small HTML parser so that only text is ever changed: tags and attributes are
written back as they came, words inside links and headings are left alone, and
each term is linked once per article, where it first appears. The result goes
through the sanitiser again, so nothing outside the allow-list can slip in.
"""

import re
from html import escape
from html.parser import HTMLParser

import nh3
from django.utils.safestring import SafeString, mark_safe

from .sanitizer import (
    ALLOWED_ATTRIBUTES,
    ALLOWED_TAGS,
    ALLOWED_URL_SCHEMES,
    IMAGE_ATTRIBUTES,
    IMAGE_TAGS,
)

# Text inside these elements is never linked.
SKIPPED_TAGS = {"a", "h2", "h3", "h4"}
VOID_TAGS = {"br", "img"}
LINK_CLASS = "glossary-link"


class _GlossaryLinker(HTMLParser):
    def __init__(self, terms):
        super().__init__(convert_charrefs=True)
        # Longest first, so "dry needling" wins over a shorter overlapping term.
        self.terms = sorted(terms, key=lambda term: len(term[0]), reverse=True)
        self.pattern = (
            re.compile(
                r"\b(" + "|".join(re.escape(word) for word, _ in self.terms) + r")(?:e?s)?\b",
                re.IGNORECASE,
            )
            if self.terms
            else None
        )
        self.urls = {word.lower(): url for word, url in self.terms}
        self.linked = set()
        self.skip_depth = 0
        self.out = []

    def handle_starttag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs))
        if tag in SKIPPED_TAGS:
            self.skip_depth += 1

    def handle_startendtag(self, tag, attrs):
        self.out.append(self._tag(tag, attrs))

    def handle_endtag(self, tag):
        if tag in VOID_TAGS:
            return
        if tag in SKIPPED_TAGS and self.skip_depth:
            self.skip_depth -= 1
        self.out.append(f"</{tag}>")

    def handle_data(self, data):
        if self.skip_depth or self.pattern is None:
            self.out.append(escape(data, quote=False))
            return
        position = 0
        for match in self.pattern.finditer(data):
            key = match.group(1).lower()
            if key in self.linked:
                continue
            self.linked.add(key)
            self.out.append(escape(data[position : match.start()], quote=False))
            self.out.append(
                f'<a class="{LINK_CLASS}" href="{escape(self.urls[key])}">'
                f"{escape(match.group(0), quote=False)}</a>"
            )
            position = match.end()
        self.out.append(escape(data[position:], quote=False))

    @staticmethod
    def _tag(tag, attrs):
        rendered = "".join(
            f' {name}="{escape(value or "")}"' if value is not None else f" {name}"
            for name, value in attrs
        )
        return f"<{tag}{rendered}>"


def link_glossary_terms(html: str, terms, *, images: bool = False) -> SafeString:
    """Return sanitised ``html`` with the first use of each glossary term linked.

    ``terms`` is an iterable of ``(word, url)`` pairs, for example from
    ``GlossaryTerm.objects.all()`` turned into ``(term.term, term.get_absolute_url())``.
    ``images`` keeps the image library's figures (article bodies).
    """
    linker = _GlossaryLinker(list(terms))
    linker.feed(str(html))
    linker.close()
    attributes = {**ALLOWED_ATTRIBUTES, "a": ALLOWED_ATTRIBUTES["a"] | {"class"}}
    if images:
        attributes |= IMAGE_ATTRIBUTES
    cleaned = nh3.clean(
        "".join(linker.out),
        tags=ALLOWED_TAGS | IMAGE_TAGS if images else ALLOWED_TAGS,
        attributes=attributes,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener noreferrer",
        strip_comments=True,
    )
    return mark_safe(cleaned)  # noqa: S308 - re-sanitised with the allow-list above
