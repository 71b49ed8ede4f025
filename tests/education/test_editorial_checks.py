"""Reading grade and claims check: computed on the words patients read, shown to staff,
never blocking a save."""

import pytest
from django.urls import reverse

from education.checks import find_claims, plain_text, reading_grade
from education.models import EditorialSettings
from tests.factories import ArticleFactory, FAQFactory

pytestmark = pytest.mark.django_db

# 18 one-syllable words in one sentence: 0.39 * 18 + 11.8 * 1 - 15.59 = 3.23.
KNOWN_TEXT = "The dog ran to the park and sat down by the big old tree near the red barn."
DEFAULT_PHRASES = EditorialSettings().claim_phrase_list


def test_reading_grade_of_a_known_text_follows_the_flesch_kincaid_formula():
    assert reading_grade(KNOWN_TEXT) == 3.2


def test_markup_does_not_change_the_reading_grade():
    html = (
        "<p><strong>The dog</strong> ran to the <a href='https://example.com'>park</a>"
        " and sat down by the <em>big old tree</em> near the red barn.</p>"
    )
    assert reading_grade(html) == reading_grade(KNOWN_TEXT)


def test_headings_and_list_items_count_as_sentences_of_their_own():
    html = "<h2>What helps</h2><ul><li>Walk each day</li><li>Drink water</li></ul>"
    assert plain_text(html) == "What helps. Walk each day. Drink water."


def test_empty_text_has_no_grade():
    assert reading_grade("<p> </p>") is None


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("<p>Results are <strong>guaranteed</strong>.</p>", "guaranteed"),
        ("<p>IMS is a cure for back pain.</p>", "cure"),
        ("<p>It cures most pain.</p>", "cures"),
        ("<p>There is no risk at all.</p>", "no risk"),
        ("<p>It works 100% of the time.</p>", "100%"),
        ("<p>It is completely safe for everyone.</p>", "completely safe"),
        ("<p>The relief is permanent.</p>", "permanent"),
        ("<p>It fixes pain permanently.</p>", "permanently"),
    ],
)
def test_claims_check_flags_each_listed_phrase(text, found):
    assert [claim.found.lower() for claim in find_claims(text, DEFAULT_PHRASES)] == [found]


def test_claims_check_leaves_ordinary_words_alone():
    text = "<p>Your records are kept secure. Most people feel better after a few sessions.</p>"
    assert find_claims(text, DEFAULT_PHRASES) == []


def test_claims_check_shows_the_words_around_the_phrase():
    [claim] = find_claims("<p>Many patients say IMS is a cure for their pain.</p>", ["cure"])
    assert "IMS is a cure for their pain" in claim.context


def test_changelist_shows_each_articles_grade_and_flags_those_above_target(admin_client, clinic):
    ArticleFactory(title="Easy one", body=f"<p>{KNOWN_TEXT}</p>")
    ArticleFactory(
        title="Hard one",
        body="<p>Intramuscular stimulation addresses neuropathic musculoskeletal "
        "dysfunction through mechanically induced electrophysiological normalisation.</p>",
    )
    html = admin_client.get(reverse("admin:education_article_changelist")).content.decode()
    assert '<td class="field-reading_grade">3.2</td>' in html
    assert "(above 8)</strong>" in html


def test_staff_change_the_target_and_the_flags_follow(admin_client, clinic):
    EditorialSettings.objects.create(reading_grade_target=2)
    ArticleFactory(body=f"<p>{KNOWN_TEXT}</p>")
    html = admin_client.get(reverse("admin:education_article_changelist")).content.decode()
    assert "3.2 (above 2)" in html


def test_faq_changelist_shows_the_reading_grade(admin_client):
    FAQFactory(answer=f"<p>{KNOWN_TEXT}</p>")
    html = admin_client.get(reverse("admin:education_faq_changelist")).content.decode()
    assert '<td class="field-reading_grade">3.2</td>' in html


def test_edit_page_flags_a_claim_and_the_grade(admin_client, clinic):
    article = ArticleFactory(body="<p>IMS gives guaranteed relief from pain.</p>")
    html = admin_client.get(
        reverse("admin:education_article_change", args=[article.pk])
    ).content.decode()
    assert "Checks on the body" in html
    assert "<strong>guaranteed</strong> in “IMS gives guaranteed relief from pain.”" in html
    assert "Reading grade" in html


def test_saving_a_flagged_faq_warns_but_still_saves(admin_client):
    faq = FAQFactory(answer="<p>Short answer.</p>", clinical_state="unapproved")
    data = {
        "category": faq.category_id,
        "question": faq.question,
        "answer": "<p>It is completely safe.</p>",
        "order": faq.order,
        "is_published": "on",
        "related_article": "",
    }
    response = admin_client.post(
        reverse("admin:education_faq_change", args=[faq.pk]), data, follow=True
    )
    faq.refresh_from_db()
    assert faq.answer == "<p>It is completely safe.</p>"
    messages = [str(message) for message in response.context["messages"]]
    assert any("“completely safe”" in message for message in messages)


def test_staff_edit_the_phrase_list_and_the_check_follows(admin_client):
    EditorialSettings.objects.create(claim_phrases="miracle\npainless")
    faq = FAQFactory(answer="<p>A miracle, and painless too. It is guaranteed.</p>")
    html = admin_client.get(reverse("admin:education_faq_change", args=[faq.pk])).content.decode()
    assert "<strong>miracle</strong>" in html
    assert "<strong>painless</strong>" in html
    assert "<strong>guaranteed</strong>" not in html


def test_the_grade_is_of_the_english_text_and_translations_are_not_measured(admin_client, clinic):
    from education.translations import translation_approve
    from tests.factories import ReviewerFactory

    article = ArticleFactory(body=f"<p>{KNOWN_TEXT}</p>")
    translation_approve(
        obj=article,
        language="fr",
        values={"body": "<p>Une phrase française beaucoup plus longue, avec des mots savants.</p>"},
        reviewer=ReviewerFactory(),
    )
    listing = admin_client.get(reverse("admin:education_article_changelist")).content.decode()
    html = admin_client.get(
        reverse("admin:education_article_change", args=[article.pk])
    ).content.decode()

    assert "Reading grade (English)" in listing
    assert '<td class="field-reading_grade">3.2</td>' in listing
    assert "Reading grade 3.2" in html
    assert "Français, 简体中文, 繁體中文, ਪੰਜਾਬੀ): not measured" in html
