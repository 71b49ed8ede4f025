"""Editorial checks on staff-written text: reading level and claims that promise too much.

Both work on the text a patient reads, without markup, and only flag: staff decide.
"""

import html
import re
from dataclasses import dataclass

import textstat
from django.utils.html import strip_tags

# Closing a block (heading, paragraph, list item, quote) or a line break ends a line.
_BLOCK_END = re.compile(r"</(?:h[1-6]|p|li|blockquote|ul|ol)\s*>|<br\s*/?>", re.IGNORECASE)
_SENTENCE_END = (".", "!", "?", ":", ";")


def plain_text(value: str) -> str:
    """The words of ``value`` without markup, one sentence per block.

    A heading or list item has no full stop of its own; without one the grade formula
    would read a whole list as one endless sentence.
    """
    if not value:
        return ""
    lines = html.unescape(strip_tags(_BLOCK_END.sub("\n", value))).splitlines()
    sentences = []
    for line in lines:
        line = " ".join(line.split())
        if not line:
            continue
        if not line.endswith(_SENTENCE_END):
            line += "."
        sentences.append(line)
    return " ".join(sentences)


def reading_grade(value: str) -> float | None:
    """The Flesch-Kincaid school grade of ``value`` (HTML or plain text), or None if empty."""
    text = plain_text(value)
    if not textstat.lexicon_count(text):
        return None
    # Very short, simple text scores below zero; "grade 0" says the same more plainly.
    return max(0.0, round(textstat.flesch_kincaid_grade(text), 1))


@dataclass(frozen=True)
class ClaimMatch:
    phrase: str
    found: str
    context: str


def _phrase_pattern(phrase: str) -> re.Pattern:
    # Whole words only ("cure" is not in "secure"), with the usual endings
    # ("cures", "cured", "permanently").
    words = r"\s+".join(re.escape(word) for word in phrase.split())
    return re.compile(rf"(?<!\w){words}(?:s|es|d|ed|ly)?(?!\w)", re.IGNORECASE)


def find_claims(value: str, phrases: list[str], *, context_chars: int = 40) -> list[ClaimMatch]:
    """Every use in ``value`` of one of ``phrases``, with the words around it."""
    text = plain_text(value)
    matches = []
    for phrase in phrases:
        for match in _phrase_pattern(phrase).finditer(text):
            start = max(0, match.start() - context_chars)
            end = min(len(text), match.end() + context_chars)
            context = text[start:end].strip()
            if start > 0:
                context = "…" + context
            if end < len(text):
                context += "…"
            matches.append(ClaimMatch(phrase=phrase, found=match.group(0), context=context))
    return matches
