"""Site search. Runs on SQLite and, in the CI PostgreSQL leg, on PostgreSQL full-text search."""

import pytest
from django.urls import reverse

from education.models import Article
from education.search import highlight, search
from tests.factories import (
    ArticleFactory,
    BenefitFactory,
    ConditionFactory,
    FAQFactory,
    GlossaryTermFactory,
    PrecautionFactory,
)

pytestmark = pytest.mark.django_db


def main_region(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_search_finds_every_kind_of_content(clinic):
    ArticleFactory(title="Shoulder stiffness", body="<p>Tight rotator muscles.</p>")
    FAQFactory(question="Will the rotator area be sore?", answer="<p>A little.</p>")
    BenefitFactory(title="Looser rotator muscles", explanation="Moves more freely.")
    ConditionFactory(name="Rotator cuff pain", explanation="Shoulder pain.")
    PrecautionFactory(name="Recent rotator surgery", explanation="Wait until it heals.")
    GlossaryTermFactory(term="Rotator cuff", definition="Four muscles around the shoulder.")

    kinds = {result.kind for result in search("rotator")}

    assert kinds == {"Article", "Question", "Benefit", "Condition", "Safety", "Word meaning"}


def test_a_title_match_ranks_above_a_match_deep_in_the_body(clinic):
    ArticleFactory(title="Living with sciatica", summary="Back and leg pain.")
    ArticleFactory(
        title="Getting ready for your visit",
        summary="What to bring.",
        body="<p>Wear loose clothes. Some people come in for sciatica.</p>",
    )

    titles = [result.title for result in search("sciatica")]

    assert titles == ["Living with sciatica", "Getting ready for your visit"]


def test_every_word_of_the_query_must_match(clinic):
    ArticleFactory(title="Neck pain", body="<p>Tight neck muscles.</p>")
    ArticleFactory(title="Back pain", body="<p>Tight back muscles.</p>")

    assert [result.title for result in search("neck pain")] == ["Neck pain"]


def test_other_forms_of_a_word_are_found(clinic):
    ArticleFactory(title="About the needle", body="<p>It is very thin.</p>")

    assert [result.title for result in search("needles")] == ["About the needle"]


def test_a_short_word_is_not_found_inside_a_longer_one(clinic):
    ArticleFactory(title="Insurance claims", body="<p>Ask your plan.</p>")

    assert search("ims") == []


def test_drafts_and_unpublished_items_are_never_found(clinic):
    ArticleFactory(title="Secret tendon draft", status=Article.Status.DRAFT)
    FAQFactory(question="Hidden tendon question?", is_published=False)
    BenefitFactory(title="Hidden tendon benefit", is_published=False)

    assert search("tendon") == []


def test_results_page_shows_the_matching_passage_with_the_words_highlighted(client, clinic):
    before = " ".join(f"early{n}" for n in range(60))
    after = " ".join(f"later{n}" for n in range(60))
    ArticleFactory(
        title="After treatment",
        body=f"<p>{before} A deep ache can last a day or two. {after}</p>",
    )

    html = main_region(client.get(reverse("education:search"), {"q": "ache"}))

    assert "1 result for “ache”" in html
    assert "A deep <mark>ache</mark> can last" in html
    # Only the passage around the match, not the whole body.
    assert "early0 " not in html and "later59" not in html
    assert 'href="/articles/' in html


def test_query_and_content_are_escaped_before_highlighting(client, clinic):
    ArticleFactory(title="Pain & <b>needles</b>", body="<p>About needles &amp; pain.</p>")

    html = main_region(client.get(reverse("education:search"), {"q": "<b>needles</b>"}))

    assert "<b>" not in html
    assert "results for “&lt;b&gt;needles&lt;/b&gt;”" in html or "result for “&lt;b&gt;" in html
    assert "Pain &amp; &lt;b&gt;<mark>needles</mark>&lt;/b&gt;" in html


def test_highlight_never_matches_inside_an_escaped_entity():
    assert highlight("Tom & Jerry", ["amp"]) == "Tom &amp; Jerry"
    assert highlight("<i>", ["lt"]) == "&lt;i&gt;"


def test_no_results_page_suggests_the_faq_and_contact_pages(client, clinic):
    html = main_region(client.get(reverse("education:search"), {"q": "zebra"}))

    assert "No results for “zebra”" in html
    assert f'href="{reverse("education:faq")}"' in html
    assert f'href="{reverse("education:contact")}"' in html


def test_an_empty_search_shows_the_form_without_results(client, clinic):
    response = client.get(reverse("education:search"))

    assert response.status_code == 200
    html = main_region(response)
    assert 'name="q"' in html
    assert "No results" not in html


def test_search_pages_ask_search_engines_not_to_index_them(client, clinic):
    html = client.get(reverse("education:search"), {"q": "pain"}).content.decode()

    assert '<meta name="robots" content="noindex">' in html


def test_search_query_count_does_not_grow_with_results(
    client, clinic, django_assert_max_num_queries
):
    for n in range(15):
        ArticleFactory(title=f"Hip pain {n}")
        FAQFactory(question=f"Hip question {n}?")

    with django_assert_max_num_queries(10):
        response = client.get(reverse("education:search"), {"q": "hip"})

    assert "30 results" in response.content.decode()


def test_an_ampersand_in_an_article_reads_as_one_on_the_results_page(client, clinic):
    ArticleFactory(title="Living with a sore back", body="<p>Pain & stiffness ease with time.</p>")

    html = client.get(reverse("education:search"), {"q": "stiffness"}).content.decode()

    assert "Pain &amp; <mark>stiffness</mark>" in html
    assert "&amp;amp;" not in html


def test_search_suggests_only_words_that_find_something(client, clinic):
    ArticleFactory(title="About needles", body="<p>Thin needles.</p>")
    html = client.get(reverse("education:search")).content.decode()
    assert 'href="?q=needles"' in html
    assert 'href="?q=bruising"' not in html
    assert 'href="?q=cost"' not in html
