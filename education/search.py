"""Site search over articles, questions, benefits, conditions, precautions and glossary words.

Search speaks the reader's language (the language of the address: /, /fr/,
/zh-hans/, /zh-hant/, /pa/):

- An item translated into that language is matched on its translated text
  (``title_fr``...), which is what the reader sees. An item with no translation
  is shown in English, so it is matched on its English text (``title_en``), and
  the results page marks it ``lang="en"``.
- So an English word typed on the French site ("acupuncture", "bruise") finds the
  items that are shown in English, read with English stemming and English stop
  words, but not a translated item through its English original: the reader
  would see French text without that word in it.
- English (PostgreSQL): full-text search with the "english" configuration, so
  "needles" also finds "needle". SQLite: every word must appear as a word of its
  own, with a rough English stemmer.
- French: PostgreSQL's "french" configuration ("aiguilles" finds "aiguille");
  on SQLite a small French plural and feminine rule does the same for the common
  cases. Accents count on both: "reaction" does not find "réaction" (the
  databases have no accent folding switched on), and a patient typing without
  accents finds only the English items that use that spelling.
- Chinese has no spaces between words, and PostgreSQL's parser does not split
  Chinese into words, so on both databases a run of Chinese characters becomes
  its overlapping two-character pieces ("安全吗" -> "安全", "全吗"; one character
  stays one), each of which must appear; they are found as substrings and ranked
  in Python with the same field weights. The clinic's content is small enough
  for a substring scan.
- Punjabi (Gurmukhi): words keep their vowel signs (which Python's ``\\w`` alone
  does not count as letters); PostgreSQL uses the "simple" configuration with
  prefix matching, SQLite the same prefix rule, so "ਸੂਈ" also finds "ਸੂਈਆਂ".

Either way the results look the same: a title, a link in the reader's language,
and the passage around the first match with the query words highlighted.
"""

import re
import unicodedata
from dataclasses import dataclass, field

from django.conf import settings
from django.db import connection
from django.db.models import Case, Q, When
from django.utils import translation
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy, pgettext_lazy
from modeltranslation.utils import build_localized_fieldname

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
from .services import is_translated, translated_fields

MAX_QUERY_LENGTH = 100
MAX_RESULTS = 30
PASSAGE_WORDS = 32
# A passage in a language written without spaces (Chinese) is measured in characters.
PASSAGE_CHARACTERS = 80

# Words too common to search for. They are dropped only from words read in their
# own language: PostgreSQL's English and French dictionaries drop the same kind of
# words by themselves, and SQLite gets the same from these lists.
STOP_WORDS = {
    "en": frozenset(
        "a an and are as at be but by can do does for from has have how i if in is it me my "  # noqa: SIM905
        "no not of on or so that the this to was what when where which who why will with you "
        "your".split()
    ),
    "fr": frozenset(
        "au aux avec ce ces cette dans de des du elle en est et il je la le les leur leurs "  # noqa: SIM905
        "ma mes mon ne nous on ou par pas pour qu que qui sa se ses son sur ta te tu un une "
        "vos votre vous".split()
    ),
}
# PostgreSQL text search configuration per language; None: the substring search.
TEXT_SEARCH_CONFIG = {"en": "english", "fr": "french", "pa": "simple"}
WEIGHTS = {"A": 1.0, "B": 0.4, "C": 0.2}

# Han characters, and the Japanese kana written among them: no spaces between words.
CJK = "\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002fa1f"


def _combining_marks() -> str:
    """The Basic Multilingual Plane's combining marks (Unicode M*) as a regex class body.

    Gurmukhi, Devanagari and other Indic vowel signs are marks, not letters, so
    ``\\w`` alone cuts "ਸੂਈਆਂ" into pieces.
    """
    ranges, start, previous = [], None, None
    for code in range(0x300, 0x10000):
        if unicodedata.category(chr(code)).startswith("M"):
            if start is None:
                start = code
            previous = code
        elif start is not None:
            ranges.append((start, previous))
            start = None
    return "".join(
        re.escape(chr(first)) + ("-" + re.escape(chr(last)) if last > first else "")
        for first, last in ranges
    )


WORD_CHARACTER = rf"[\w{_combining_marks()}]"
_CJK_RUN = re.compile(rf"[{CJK}]+")
_TOKEN = re.compile(rf"[{CJK}]+|(?:(?![{CJK}]){WORD_CHARACTER})+")
_NOT_AFTER_WORD = rf"(?<!{WORD_CHARACTER})"
_NOT_BEFORE_WORD = rf"(?!{WORD_CHARACTER})"


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

    def translated_in(self, language) -> Q:
        """The rows shown in ``language``: any of their columns in it holds text
        (the same test as services.is_translated, made in the database)."""
        condition = Q()
        for name in translated_fields(self.model):
            condition |= Q(**{f"{build_localized_fieldname(name, language)}__gt": ""})
        return condition


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
    # The row shown, so the page can mark an item shown in English (lang="en").
    item: object = field(default=None, repr=False)


def _site_language(language=None) -> str:
    language = (language or translation.get_language() or "en").lower()
    codes = [code for code, _name in settings.LANGUAGES]
    return language if language in codes else settings.LANGUAGE_CODE


def _is_cjk(word: str) -> bool:
    return bool(_CJK_RUN.fullmatch(word))


def _bigrams(run: str) -> list[str]:
    """A run of Chinese characters as its overlapping two-character pieces."""
    if len(run) == 1:
        return [run]
    return [run[index : index + 2] for index in range(len(run) - 1)]


def query_words(query: str, language: str | None = None) -> list[str]:
    """The words of ``query`` worth searching for in text of ``language``, lower
    case, without repeats; a Chinese run becomes its two-character pieces."""
    language = _site_language(language)
    text = unicodedata.normalize("NFC", query.lower()[:MAX_QUERY_LENGTH])
    stop_words = STOP_WORDS.get(language, frozenset())
    seen = []
    for token in _TOKEN.findall(text):
        if _is_cjk(token):
            words = _bigrams(token)
        elif len(token) > 1 and token not in stop_words:
            words = [token]
        else:
            words = []
        seen += [word for word in words if word not in seen]
    return seen


def _stem(word: str, language: str = "en") -> str:
    """A rough stem, so "needles" highlights "needle" and "needling", and
    "aiguilles" finds "aiguille"."""
    suffixes = {"en": ("ing", "es", "ed", "s"), "fr": ("es", "s", "x", "e")}.get(language, ())
    for suffix in suffixes:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            return word[: -len(suffix)]
    return word


@dataclass(frozen=True)
class Term:
    """One query word as the database looks for it and as it is found in text."""

    word: str
    fragment: str  # looked for inside a column (icontains)
    pattern: re.Pattern  # the word in plain text: highlighting, counting, verifying
    prefix: bool  # whether other endings count ("pain", "painful")


def _term(word: str, language: str) -> Term:
    if _is_cjk(word):
        # No word boundaries in Chinese: every character is a word character.
        return Term(word, word, re.compile(re.escape(word)), prefix=False)
    if language in ("zh-hans", "zh-hant"):
        language = "en"  # Latin words in Chinese text ("IMS") are read as English.
    stemmable = len(word) >= 4 if language in ("en", "fr") else len(word) >= 3
    fragment = _stem(word, language) if stemmable else word
    ending = f"{WORD_CHARACTER}*" if stemmable else _NOT_BEFORE_WORD
    pattern = re.compile(_NOT_AFTER_WORD + re.escape(fragment) + ending, re.I)
    return Term(word, fragment, pattern, prefix=stemmable)


def query_terms(query: str, language: str | None = None) -> list[Term]:
    language = _site_language(language)
    return [_term(word, language) for word in query_words(query, language)]


def _terms_for(words, language) -> list[Term]:
    """Terms from a list of already chosen words, as highlight and passage accept them."""
    language = _site_language(language)
    return [_term(unicodedata.normalize("NFC", word.lower()), language) for word in words]


def _spans(text: str, terms) -> list[tuple[int, int]]:
    """Where the terms are in ``text``, overlapping matches merged ("安全" + "全吗")."""
    found = sorted(match.span() for term in terms for match in term.pattern.finditer(text))
    merged = []
    for start, end in found:
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(end, merged[-1][1]))
        else:
            merged.append((start, end))
    return merged


def highlight(text: str, words, language: str | None = None) -> SafeString:
    """Escape ``text`` and wrap each query word in it in <mark>.

    ``words`` are query words (strings) or Terms. The text is split on the
    matches first and every piece is escaped on its own, so a query can never
    inject markup and escaping never breaks a match.
    """
    terms = [word if isinstance(word, Term) else _terms_for([word], language)[0] for word in words]
    if not terms:
        return escape(text)
    pieces = []
    position = 0
    for start, end in _spans(text, terms):
        pieces.append(escape(text[position:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        position = end
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))  # noqa: S308 - every piece of text escaped above


def passage(text: str, words, language: str | None = None) -> str:
    """About PASSAGE_WORDS words of ``text`` around the first query word found
    (PASSAGE_CHARACTERS characters for text written without spaces)."""
    terms = [word if isinstance(word, Term) else _terms_for([word], language)[0] for word in words]
    tokens = text.split()
    if _written_without_spaces(" ".join(tokens)):
        return _character_passage(" ".join(tokens), terms)
    if len(tokens) <= PASSAGE_WORDS:
        return " ".join(tokens)
    start = 0
    for index, token in enumerate(tokens):
        if any(term.pattern.search(token) for term in terms):
            start = max(0, index - PASSAGE_WORDS // 4)
            break
    end = min(len(tokens), start + PASSAGE_WORDS)
    start = max(0, end - PASSAGE_WORDS)
    snippet = " ".join(tokens[start:end])
    return ("… " if start else "") + snippet + (" …" if end < len(tokens) else "")


def _written_without_spaces(text: str) -> bool:
    """Mostly Chinese (or Japanese) characters, where words are not spaced."""
    return sum(map(len, _CJK_RUN.findall(text))) * 2 > len(text)


def _character_passage(text: str, terms) -> str:
    if len(text) <= PASSAGE_CHARACTERS:
        return text
    spans = _spans(text, terms)
    start = max(0, spans[0][0] - PASSAGE_CHARACTERS // 4) if spans else 0
    end = min(len(text), start + PASSAGE_CHARACTERS)
    start = max(0, end - PASSAGE_CHARACTERS)
    return ("…" if start else "") + text[start:end] + ("…" if end < len(text) else "")


def _plain(value, is_html):
    value = value or ""
    return html_to_text(value) if is_html else " ".join(value.split())


@dataclass(frozen=True)
class Branch:
    """Which rows are matched on which language's columns, with which words."""

    language: str
    terms: list
    rows: Q | None  # None: every row

    def columns(self, source):
        return [
            (build_localized_fieldname(name, self.language), weight, is_html)
            for name, weight, is_html in source.fields
        ]

    def where(self, condition: Q) -> Q:
        return condition if self.rows is None else self.rows & condition


def _branches(source, query: str, language: str) -> list[Branch]:
    """Rows translated into the reader's language are matched on that text, the
    others (shown in English) on their English text."""
    if language == settings.LANGUAGE_CODE or not translated_fields(source.model):
        return [Branch(language, query_terms(query, language), None)]
    translated = source.translated_in(language)
    return [
        Branch(language, query_terms(query, language), translated),
        Branch(settings.LANGUAGE_CODE, query_terms(query, settings.LANGUAGE_CODE), ~translated),
    ]


def _branch_of(row, branches, language) -> Branch:
    if len(branches) == 1 or is_translated(row, language):
        return branches[0]
    return branches[1]


def _result(source, obj, terms, rank):
    texts = [_plain(getattr(obj, name), is_html) for name, _, is_html in source.fields[1:]]
    body = next(
        (text for text in texts if any(term.pattern.search(text) for term in terms)),
        texts[0] if texts else "",
    )
    result = SearchResult(
        kind=source.label,
        title=getattr(obj, source.title_field),
        url=obj.get_absolute_url(),
        passage=passage(body, terms),
        rank=rank,
        item=obj,
    )
    result.highlighted_title = highlight(result.title, terms)
    result.highlighted_passage = highlight(result.passage, terms)
    return result


def _fulltext_query(branch):
    from django.contrib.postgres.search import SearchQuery

    config = TEXT_SEARCH_CONFIG[branch.language]
    if config == "simple":
        # No stemmer for Punjabi: a prefix query, as the substring search does.
        raw = " & ".join(
            f"'{term.fragment}'" + (":*" if term.prefix else "") for term in branch.terms
        )
        return SearchQuery(raw, search_type="raw", config=config)
    # The cleaned words, not the raw text, so both databases read a query alike.
    words = " ".join(term.word for term in branch.terms)
    return SearchQuery(words, search_type="plain", config=config)


def _search_fulltext(source, branches, language):
    from django.contrib.postgres.search import SearchRank, SearchVector

    annotations, condition, ranks = {}, Q(), []
    for index, branch in enumerate(branches):
        if not branch.terms:
            continue
        vector = None
        for column, weight, _ in branch.columns(source):
            part = SearchVector(column, weight=weight, config=TEXT_SEARCH_CONFIG[branch.language])
            vector = part if vector is None else vector + part
        search_query = _fulltext_query(branch)
        annotations[f"search_{index}"] = vector
        condition |= branch.where(Q(**{f"search_{index}": search_query}))
        ranks.append((branch, SearchRank(vector, search_query)))
    if not ranks:
        return []
    rank = ranks[0][1]
    if len(ranks) == 2:
        rank = Case(When(ranks[0][0].rows, then=ranks[0][1]), default=ranks[1][1])
    rows = (
        source.queryset()
        .annotate(**annotations, rank=rank)
        .filter(condition)
        .order_by("-rank")[:MAX_RESULTS]
    )
    return [
        _result(source, row, _branch_of(row, branches, language).terms, float(row.rank))
        for row in rows
    ]


def _contains(column, fragment) -> Q:
    condition = Q(**{f"{column}__icontains": fragment})
    if not fragment.isascii() and fragment.capitalize() != fragment:
        # SQLite's LIKE folds only ASCII letters: "Épilepsie" for "épilepsie".
        condition |= Q(**{f"{column}__icontains": fragment.capitalize()})
    return condition


def _search_substring(source, branches, language):
    condition = Q()
    for branch in branches:
        if not branch.terms:
            continue
        every_term = Q()
        for term in branch.terms:
            any_field = Q()
            for column, _, _ in branch.columns(source):
                any_field |= _contains(column, term.fragment)
            every_term &= any_field
        condition |= branch.where(every_term)
    if not condition:
        return []
    results = []
    for row in source.queryset().filter(condition)[: MAX_RESULTS * 3]:
        branch = _branch_of(row, branches, language)
        texts = [
            (WEIGHTS[weight], _plain(getattr(row, column), is_html))
            for column, weight, is_html in branch.columns(source)
        ]
        counts = [[len(term.pattern.findall(text)) for _, text in texts] for term in branch.terms]
        # icontains also finds a word inside a longer one ("ims" in "claims"):
        # keep the row only if every word is there as a word of its own.
        if branch.terms and all(any(per_field) for per_field in counts):
            rank = sum(
                weight * min(count, 5)
                for per_field in counts
                for (weight, _), count in zip(texts, per_field, strict=True)
            )
            results.append(_result(source, row, branch.terms, rank))
    return results


# Offered on the empty search page, in the reader's language; only those that
# find something are shown.
# Translators: a search suggested to patients; use the word the site's own text uses.
SUGGESTIONS = [
    pgettext_lazy("search suggestion", "bruising"),
    pgettext_lazy("search suggestion", "needles"),
    pgettext_lazy("search suggestion", "pain after treatment"),
    pgettext_lazy("search suggestion", "acupuncture"),
    pgettext_lazy("search suggestion", "faint"),
    pgettext_lazy("search suggestion", "cost"),
]


def working_suggestions() -> list[str]:
    """The suggested searches, in the reader's language, that find at least one
    result with today's content.

    Worked out once per language and content change (the page cache's
    generation), not per request.
    """
    language = _site_language()
    return page_cache.remember(
        f"search-suggestions:{language}",
        lambda: [str(word) for word in SUGGESTIONS if search(str(word))],
    )


def search(query: str, language: str | None = None) -> list[SearchResult]:
    """Ranked results for ``query`` across the site's content, best first, in
    ``language`` (the active language by default)."""
    language = _site_language(language)
    query = (query or "").strip()[:MAX_QUERY_LENGTH]
    if not query_words(query, language):
        return []
    fulltext = connection.vendor == "postgresql" and language in TEXT_SEARCH_CONFIG
    results = []
    with translation.override(language):
        for source in SOURCES:
            branches = _branches(source, query, language)
            if fulltext:
                results += _search_fulltext(source, branches, language)
            else:
                results += _search_substring(source, branches, language)
    results.sort(key=lambda result: (-result.rank, result.title.lower()))
    return results[:MAX_RESULTS]
