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
