"""Lists of translated items in the order of the words the reader sees.

django-modeltranslation rewrites ``ordering`` and ``order_by("term")`` to the
active language's column (``term_fr``), which is empty for an item not yet
translated: on /fr/ those items would come first, and the rest would not be A to
Z as shown. The lists that are sorted by their text (glossary words, FAQ topics)
are small, so they are sorted here, in Python, by the text the page shows: the
translation, or the English it falls back to.

The sort key ignores case and accents ("Échographie" files under E, as a French
reader expects) and gives the same order on SQLite and PostgreSQL, whatever the
database's collation. Scripts without letter case (Chinese, Gurmukhi) sort by
code point, which for Gurmukhi follows the alphabet.
"""

import unicodedata


def text_key(text: str) -> str:
    """``text`` for sorting: without accents, case-folded, then as written."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    plain = "".join(char for char in decomposed if not unicodedata.combining(char))
    return plain.casefold()


def as_shown(rows, *fields: str) -> list:
    """``rows`` sorted by ``fields``; text fields by the text shown in the active language.

    A field that holds text is read through the model (``row.term`` gives the
    translation or its English fallback); any other value (an order number) sorts
    as it is.
    """

    def key(row):
        values = []
        for field in fields:
            value = getattr(row, field)
            values.append((text_key(value), value) if isinstance(value, str) else value)
        return values

    return sorted(rows, key=key)
