"""Search in every language of the site, on SQLite and on PostgreSQL.

The demo content carries clinician-approved translations (education/demo_translations)
of the "What is IMS" article, the safety precautions, the side effects and the FAQs
of the safety and aftercare topics; everything else is shown in English.
"""

import re
from urllib.parse import unquote

import pytest

from education.search import highlight, query_words, search
from tests.factories import ArticleFactory, FAQFactory

# Content loaded once for the module: its tests stay in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("search-languages")]

LANGUAGES = ["en", "fr", "zh-hans", "zh-hant", "pa"]


@pytest.fixture(autouse=True)
def _demo(demo_content_for_module):
    pass


def prefixed(language, path):
    return path if language == "en" else f"/{language}{path}"


def results_of(client, language, query):
    """(title, address, lang attribute or None) of each result on the page."""
    html = client.get(prefixed(language, "/search/"), {"q": query}).content.decode()
    found = re.findall(
        r'<h2 class="h5 mb-1"( lang="en")?><a href="([^"]+)">(.*?)</a></h2>', html, re.S
    )
    return [
        (re.sub(r"</?mark>", "", title), url, "en" if lang else None) for lang, url, title in found
    ]


@pytest.mark.parametrize(
    ("language", "query", "title"),
    [
        ("zh-hans", "起作用", "什么是 IMS？它可能是怎样起作用的？"),
        ("zh-hant", "起作用", "什麼是 IMS？它可能怎樣起作用？"),
    ],
)
def test_a_chinese_query_without_spaces_finds_the_chinese_article(client, language, query, title):
    results = results_of(client, language, query)

    assert (title, f"/{language}/articles/what-is-ims/", None) in results


def test_every_piece_of_a_chinese_query_must_be_found(client):
    # "感染" (infection) is in the content; "感冒" (a cold) is not.
    assert results_of(client, "zh-hans", "感染")
    assert results_of(client, "zh-hans", "感染感冒") == []


def test_a_chinese_run_becomes_overlapping_pairs_and_a_single_character_stays():
    assert query_words("扎针会", "zh-hans") == ["扎针", "针会"]
    assert query_words("针", "zh-hans") == ["针"]
    assert query_words("IMS安全吗", "zh-hans") == ["ims", "安全", "全吗"]


def test_chinese_words_are_highlighted_without_word_boundaries():
    words = query_words("感染吗", "zh-hans")

    assert highlight("扎针会让我感染吗？", words) == "扎针会让我<mark>感染吗</mark>？"
    assert highlight("治疗部位有感染", words) == "治疗部位有<mark>感染</mark>"


def test_a_chinese_results_page_shows_a_short_passage_around_the_match(client):
    html = client.get("/zh-hans/search/", {"q": "血友病"}).content.decode()

    passages = re.findall(r'<p class="mb-0">(.*?)</p>', html, re.S)
    assert any("<mark>血友病</mark>" in passage for passage in passages)
    assert all(len(re.sub(r"<[^>]+>", "", passage)) <= 82 for passage in passages)


def test_a_french_plural_finds_the_singular(client):
    # The French text says "la nausée", never "nausées".
    results = results_of(client, "fr", "nausées")

    assert any("avoir la nausée" in title for title, _, _ in results)
    assert all(url.startswith("/fr/") for _, url, _ in results)


def test_a_french_word_finds_the_french_title_with_its_capital_accent(client):
    titles = [title for title, _, _ in results_of(client, "fr", "épilepsie")]

    assert "Épilepsie ou crises convulsives" in titles


def test_french_results_are_in_french_at_french_addresses(client):
    results = results_of(client, "fr", "aiguilles")

    assert ("Peur des aiguilles ou évanouissement", "/fr/safety/", None) in [
        (title, url.split("#")[0], lang) for title, url, lang in results
    ]


def test_a_punjabi_word_keeps_its_vowel_signs():
    assert query_words("ਸੂਈਆਂ ਤੋਂ ਡਰ", "pa") == ["ਸੂਈਆਂ", "ਤੋਂ", "ਡਰ"]


def test_a_punjabi_query_finds_the_punjabi_item(client):
    results = results_of(client, "pa", "ਸੂਈਆਂ ਤੋਂ ਡਰ")

    assert [title for title, _, _ in results] == ["ਸੂਈਆਂ ਤੋਂ ਡਰ ਜਾਂ ਬੇਹੋਸ਼ ਹੋਣਾ"]
    assert results[0][1].startswith("/pa/safety/")


def test_a_punjabi_word_also_finds_its_longer_forms(client):
    # "ਸੂਈ" (needle) also finds "ਸੂਈਆਂ" (needles).
    titles = [title for title, _, _ in results_of(client, "pa", "ਸੂਈ")]

    assert "ਸੂਈਆਂ ਤੋਂ ਡਰ ਜਾਂ ਬੇਹੋਸ਼ ਹੋਣਾ" in titles


def test_an_english_only_item_is_found_on_the_french_site_and_marked_english(client):
    results = results_of(client, "fr", "acupuncture")

    assert ("IMS compared with acupuncture", "/fr/articles/ims-and-acupuncture/", "en") in results


def test_a_translated_item_is_not_found_by_the_english_words_it_no_longer_shows(client):
    english = [title for title, _, _ in results_of(client, "en", "pregnancy")]
    french = [title for title, _, _ in results_of(client, "fr", "pregnancy")]

    assert "Pregnancy" in english
    assert "Grossesse" not in french and "Pregnancy" not in french
    assert "Grossesse" in [title for title, _, _ in results_of(client, "fr", "grossesse")]


def test_english_stop_words_are_dropped_only_from_english():
    assert query_words("is it safe", "en") == ["safe"]
    # "on" and "an" are French words too, but French has its own list.
    assert query_words("on a mal", "fr") == ["mal"]
    assert query_words("an", "fr") == ["an"]


def test_search_answers_in_the_language_it_is_asked_for():
    assert search("怀孕", language="zh-hans")[0].title == "怀孕"
    assert search("怀孕", language="en") == []


def test_a_search_on_the_french_site_keeps_its_query_count_bounded(
    client, django_assert_max_num_queries
):
    for n in range(15):
        ArticleFactory(title=f"Hip pain {n}")
        FAQFactory(question=f"Hip question {n}?")

    with django_assert_max_num_queries(10):
        response = client.get("/fr/search/", {"q": "hip"})

    assert "30 résultats" in response.content.decode()


@pytest.mark.parametrize("language", LANGUAGES)
def test_the_search_page_suggests_words_in_its_language_that_find_something(client, language):
    html = client.get(prefixed(language, "/search/")).content.decode()
    main = html[html.index('<main id="main"') : html.index("</main>")]

    words = [unquote(word.replace("+", " ")) for word in re.findall(r'href="\?q=([^"]+)"', main)]
    assert len(words) >= 3
    for word in words:
        assert results_of(client, language, word), (language, word)
    expected = {
        "en": "needles",
        "fr": "aiguilles",
        "zh-hans": "针",
        "zh-hant": "針",
        "pa": "ਸੂਈਆਂ",
    }
    assert expected[language] in words
