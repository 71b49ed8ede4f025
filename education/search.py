"""Site search over articles, questions, benefits, conditions, precautions and glossary words.

On PostgreSQL the database's full-text search finds and ranks the matches, so
"needles" also finds "needle" and a match in a title counts for more than one
in a body. On SQLite, which has no such search built in, every word of the
query must appear somewhere in the item, and the same weights (title, then
summary, then body) rank the results. Either way the results look the same: a
title, a link, and the passage around the first match with the query words
highlighted.
"""

import re
from dataclasses import dataclass

from django.db import connection
from django.db.models import Q
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy

from clinic_site import page_cache

from .models import (
    FAQ,
    Article,
    Benefit,
    Condition,
    CoverageTopic,
    GlossaryTerm,
    Precaution,
    SideEffect,
)
from .sanitizer import html_to_text

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 30
PASSAGE_WORDS = 32

# Words too common to search for on SQLite. PostgreSQL's English dictionary drops
# the same kind of words by itself.
STOP_WORDS = frozenset(
    "a an and are as at be but by can do does for from has have how i if in is it me my "  # noqa: SIM905
    "no not of on or so that the this to was what when where which who why will with you "
    "your".split()
)
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}


@dataclass(frozen=True)
class Source:
    """One kind of content and the fields searched in it, most important first."""

    label: str
    model: type
    title_field: str
    fields: tuple  # (field name, weight letter, holds HTML)

    def queryset(self):
        if self.model is Article:
            return Article.objects.published()
        if self.model is GlossaryTerm:
            return GlossaryTerm.objects.cleared()
        return self.model.objects.published()


SOURCES = [
    Source(
        gettext_lazy("Article"),
        Article,
        "title",
        (("title", "A", False), ("summary", "B", False), ("body", "C", True)),
    ),
    Source(
        gettext_lazy("Question"), FAQ, "question", (("question", "A", False), ("answer", "C", True))
    ),
    Source(
        gettext_lazy("Benefit"),
        Benefit,
        "title",
        (("title", "A", False), ("explanation", "C", False)),
    ),
    Source(
        gettext_lazy("Condition"),
        Condition,
        "name",
        (("name", "A", False), ("explanation", "C", False)),
    ),
    Source(
        gettext_lazy("Safety"),
        Precaution,
        "name",
        (("name", "A", False), ("explanation", "C", False)),
    ),
    Source(
        gettext_lazy("Side effect"),
        SideEffect,
        "name",
        (("name", "A", False), ("rate", "B", False), ("explanation", "C", False)),
    ),
    Source(
        gettext_lazy("Costs and coverage"),
        CoverageTopic,
        "title",
        (("title", "A", False), ("text", "C", True)),
    ),
    Source(
        gettext_lazy("Word meaning"),
        GlossaryTerm,
        "term",
        (("term", "A", False), ("definition", "C", False)),
    ),
]


@dataclass
class SearchResult:
    kind: str
    title: str
    url: str
    passage: str
    rank: float
    highlighted_title: SafeString = ""
    highlighted_passage: SafeString = ""


def query_words(query: str) -> list[str]:
    """The words of ``query`` worth searching for, lower case, without repeats."""
    words = re.findall(r"\w+", query.lower()[:MAX_QUERY_LENGTH])
    seen = []
    for word in words:
        if len(word) > 1 and word not in STOP_WORDS and word not in seen:
            seen.append(word)
    return seen


def _stem(word: str) -> str:
    """A rough English stem, so "needles" highlights "needle" and "needling"."""
    for suffix in ("ing", "es", "ed", "s"):
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


def _word_pattern(words):
    """Each word as a whole word; longer words also with other endings ("pain", "painful")."""
    alternatives = sorted(
        (
            re.escape(_stem(word)) + r"\w*" if len(word) >= 4 else re.escape(word) + r"\b"
            for word in words
        ),
        key=len,
        reverse=True,
    )
    return re.compile(r"\b(?:" + "|".join(alternatives) + ")", re.I)


def highlight(text: str, words) -> SafeString:
    """Escape ``text`` and wrap each query word in it in <mark>.

    The text is split on the matches first and every piece is escaped on its
    own, so a query can never inject markup and escaping never breaks a match.
    """
    if not words:
        return escape(text)
    pieces = []
    position = 0
    for match in _word_pattern(words).finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group(0))}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text escaped above


def passage(text: str, words) -> str:
    """About PASSAGE_WORDS words of ``text`` around the first query word found."""
    tokens = text.split()
    if len(tokens) <= PASSAGE_WORDS:
        return " ".join(tokens)
    start = 0
    if words:
        pattern = _word_pattern(words)
        for index, token in enumerate(tokens):
            if pattern.search(token):
                start = max(0, index - PASSAGE_WORDS // 4)
                break
    end = min(len(tokens), start + PASSAGE_WORDS)
    start = max(0, end - PASSAGE_WORDS)
    snippet = " ".join(tokens[start:end])
    return ("… " if start else "") + snippet + (" …" if end < len(tokens) else "")


def _plain(obj, field, is_html):
    value = getattr(obj, field) or ""
    return html_to_text(value) if is_html else " ".join(value.split())


def _result(source, obj, words, rank):
    texts = [_plain(obj, field, is_html) for field, _, is_html in source.fields[1:]]
    pattern = _word_pattern(words)
    body = next((text for text in texts if pattern.search(text)), texts[0] if texts else "")
    result = SearchResult(
        kind=source.label,
        title=getattr(obj, source.title_field),
        url=obj.get_absolute_url(),
        passage=passage(body, words),
        rank=rank,
    )
    result.highlighted_title = highlight(result.title, words)
    result.highlighted_passage = highlight(result.passage, words)
    return result


def _search_postgresql(source, query, words):
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    vector = None
    for field, weight, _ in source.fields:
        part = SearchVector(field, weight=weight, config="english")
        vector = part if vector is None else vector + part
    search_query = SearchQuery(query, search_type="plain", config="english")
    rows = (
        source.queryset()
        .annotate(search=vector, rank=SearchRank(vector, search_query))
        .filter(search=search_query)
        .order_by("-rank")[:MAX_RESULTS]
    )
    return [_result(source, row, words, float(row.rank)) for row in rows]


def _search_sqlite(source, words):
    condition = Q()
    for word in words:
        any_field = Q()
        for field, _, _ in source.fields:
            any_field |= Q(**{f"{field}__icontains": _stem(word)})
        condition &= any_field
    results = []
    patterns = [_word_pattern([word]) for word in words]
    for row in source.queryset().filter(condition)[: MAX_RESULTS * 3]:
        texts = [
            (WEIGHTS[weight], _plain(row, field, is_html))
            for field, weight, is_html in source.fields
        ]
        counts = [[len(pattern.findall(text)) for _, text in texts] for pattern in patterns]
        # icontains also finds a word inside a longer one ("ims" in "claims"):
        # keep the row only if every word is there as a word of its own.
        if all(any(per_field) for per_field in counts):
            rank = sum(
                weight * min(count, 5)
                for per_field in counts
                for (weight, _), count in zip(texts, per_field, strict=True)
            )
            results.append(_result(source, row, words, rank))
    return results


# Offered on the empty search page; only those that find something are shown.
SUGGESTIONS = ["bruising", "needles", "pain after treatment", "acupuncture", "faint", "cost"]


def working_suggestions() -> list[str]:
    """The suggested searches that find at least one result with today's content.

    Worked out once per content change (the page cache's generation), not per request.
    """
    return page_cache.remember(
        "search-suggestions", lambda: [word for word in SUGGESTIONS if search(word)]
    )


def search(query: str) -> list[SearchResult]:
    """Ranked results for ``query`` across the site's content, best first."""
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    words = query_words(query)
    if not words:
        return []
    results = []
    for source in SOURCES:
        if connection.vendor == "postgresql":
            # The cleaned words, not the raw text, so both databases read a query alike.
            results += _search_postgresql(source, " ".join(words), words)
        else:
            results += _search_sqlite(source, words)
    results.sort(key=lambda result: (-result.rank, result.title.lower()))
    return results[:MAX_RESULTS]
