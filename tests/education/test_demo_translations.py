"""The demo translations follow each language's own writing conventions.

They are read from the files the demo loader approves, as patients will read them.
"""

import json
import re
from pathlib import Path

import pytest

from education.demo_translations import FOLDER


def texts(language):
    entries = json.loads(Path(FOLDER, f"{language}.json").read_text(encoding="utf-8"))
    return [text for entry in entries for text in entry["fields"].values()]


@pytest.fixture(scope="module")
def french():
    return texts("fr")


def test_the_french_uses_the_typographic_apostrophe_like_the_interface(french):
    # The interface catalogue writes "l’IMS"; the content on the same page did not.
    straight = [text for text in french if "'" in text]

    assert straight == []
    assert any("l’IMS" in text for text in french)


def test_the_french_spaces_punctuation_one_way_throughout(french):
    # Canadian French, as in the interface catalogue: an ordinary space before a
    # colon and inside « », none before ? ! ; and no non-breaking spaces mixed in.
    text = "\n".join(french)

    assert "\u00a0" not in text and "\u202f" not in text
    assert re.findall(r"\S:(?=\s)", text) == []
    assert re.findall(r"\s[?!;]", text) == []
    assert re.findall(r"«\S|\S»", text) == []


def sentences(language):
    plain = (re.sub(r"<[^>]+>", " ", text) for text in texts(language))
    return [sentence for text in plain for sentence in re.split(r"(?<=[।?!])\s+", text)]


def test_the_punjabi_speaks_to_a_pregnant_reader_in_the_feminine():
    # "ਗਰਭਵਤੀ" (pregnant) is feminine: the verb addressing that reader agrees with it.
    pregnant = [sentence for sentence in sentences("pa") if "ਗਰਭਵਤੀ" in sentence]

    assert len(pregnant) == 2
    assert all("ਸਕਦੀ ਹੋ" in sentence and "ਸਕਦੇ ਹੋ" not in sentence for sentence in pregnant)


def test_the_punjabi_otherwise_addresses_every_reader_alike():
    # Any reader (ਤੁਸੀਂ): the plural forms ("ਸਕਦੇ ਹੋ", "ਲੈਂਦੇ ਹੋ") used throughout.
    others = [sentence for sentence in sentences("pa") if "ਗਰਭਵਤੀ" not in sentence]

    assert not [
        sentence for sentence in others if re.search(r"(ਦੀ|ਦਾ|ਰਹੀ|ਰਿਹਾ) ਹੋ[\s,?।]", sentence)
    ]
    assert any("ਸਕਦੇ ਹੋ" in sentence for sentence in others)
