"""The facts a patient relies on, as the rendered pages show them.

Each test loads the demo content the way ``make run`` does and reads the pages a
patient would open: side effects with their rates, the warning signs of a collapsed
lung, the self-check's red flags and where they send you, every screening question,
the Sources lists, the costs page with its "last checked" date, and who treats you.
"""

import datetime
import html as html_lib
import re
from pathlib import Path
from urllib.parse import unquote_plus

import pytest
from django.conf import settings
from django.urls import reverse

from education import demo_content
from education.models import (
    FAQ,
    Article,
    CoverageTopic,
    EditorialSettings,
    Precaution,
    RedFlag,
    Reviewer,
    SitePage,
)
from education.search import search
from tests.conftest import kept_for_a_module, load_demo
from tests.factories import ArticleFactory, ClinicProfileFactory, SourceFactory, save_approved_edit

# Content loaded once for the module: its tests stay in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("medicine-pages")]


# The module's tests that ask for ``demo`` share one load (about 3 s each time);
# each still runs in its own transaction. Tests that need a site without the demo
# content belong in another module.
@pytest.fixture(scope="module")
def demo_for_module(django_db_setup, django_db_blocker):
    """The clinic and the demo content, loaded once for the module's tests that read them."""

    def load():
        ClinicProfileFactory()
        load_demo()

    with kept_for_a_module(django_db_blocker, load):
        yield


@pytest.fixture
def demo(demo_for_module, db):
    pass


def text_of(response):
    """The page's main region as plain text with single spaces."""
    page = response.content.decode()
    main = page[page.index('<main id="main"') : page.index("</main>")]
    text = html_lib.unescape(re.sub(r"<[^>]+>", " ", main))
    return re.sub(r"\s+", " ", text)


def get_text(client, name):
    response = client.get(reverse(f"education:{name}"))
    assert response.status_code == 200
    return text_of(response)


# --- Side effects -------------------------------------------------------------------


def test_safety_page_lists_side_effects_with_how_often_they_happen(client, demo):
    text = get_text(client, "safety")
    for expected in [
        "Side effects and how often they happen",
        "Common",
        "A bruise How often: about 1 in 13 treatments",
        "Bleeding at the needle spot How often: about 1 in 20 treatments in one study, and 1 in 6",
        "Feeling tired or drowsy How often: about 1 in 400 treatments",
        "A short flare-up of your usual pain How often: about 1 in 110 treatments",
        "Rare but serious",
        "about 1 in 1,000 treatments or fewer",
        "Nerve injury or heavy bleeding",
    ]:
        assert expected in text, expected


def test_safety_page_warns_that_a_collapsed_lung_can_show_up_days_later(client, demo):
    text = get_text(client, "safety")
    assert "This can start hours or up to two days later." in text
    lung = text[text.index("Collapsed lung (pneumothorax)") :]
    for expected in [
        "hours or up to two days later",
        "pain when you breathe in",
        "short of breath",
        "dry cough",
        "Call 911 or go to the nearest emergency department",
        "tell them you had needling",
    ]:
        assert expected in lung, expected


def test_aftercare_sheet_gives_the_delayed_lung_signs_as_urgent(client, demo):
    text = get_text(client, "aftercare")
    urgent = text[text.index("Get urgent help") :]
    assert "Signs can start hours or up to two days later" in urgent
    assert "Call 911" in urgent
    assert "Do not drive, cycle or use machines until it has passed." in text


@pytest.mark.parametrize("word", ["bruise", "faint", "bleeding", "drowsy"])
def test_a_worried_patients_words_find_the_side_effects(client, demo, word):
    results = search(word)
    assert any(result.kind == "Side effect" for result in results), word
    page = client.get(reverse("education:search"), {"q": word}).content.decode()
    assert "/safety/#side-effect-" in page


# --- Self-check: red flags first, then every precaution ----------------------------------


def self_check_answers(client, **overrides):
    """All questions answered "no", except those whose question contains a key word."""
    page = client.get(reverse("education:self-check")).content.decode()
    names = sorted(set(re.findall(r'name="([rq]\d+)"', page)))
    data = dict.fromkeys(names, "no")
    for flag in RedFlag.objects.all():
        for word, answer in overrides.items():
            if word.replace("_", " ") in flag.question.lower():
                data[f"r{flag.pk}"] = answer
    for precaution in Precaution.objects.all():
        for word, answer in overrides.items():
            if word.replace("_", " ") in precaution.self_check_question.lower():
                data[f"q{precaution.pk}"] = answer
    return data


def test_the_self_check_asks_the_red_flags_first_then_every_precaution(client, demo):
    text = get_text(client, "self-check")
    warning = text.index("Part 1: Warning signs")
    health = text.index("Part 2: Your health")
    for flag in RedFlag.objects.published():
        assert warning < text.index(flag.question) < health, flag.question
    for precaution in Precaution.objects.published():
        assert precaution.self_check_question, precaution.name
        assert text.index(precaution.self_check_question) > health, precaution.name


def test_chest_pain_now_gets_an_emergency_card_that_says_call_911(client, demo):
    response = client.post(
        reverse("education:self-check"), self_check_answers(client, chest_pain="yes")
    )
    text = text_of(response)
    assert "Emergency: call 911 now" in text
    assert "Call 911 or go to the nearest emergency department now." in text
    assert "Do you have chest pain, or are you short of breath, right now?" in text
    assert "care-card-emergency" in response.content.decode()
    assert "Nothing here rules IMS out" not in text


def test_a_fever_gets_an_urgent_card_for_8_1_1_or_a_doctor_today(client, demo):
    response = client.post(
        reverse("education:self-check"), self_check_answers(client, fever="unsure")
    )
    text = text_of(response)
    assert "Urgent: call 8-1-1 or see a doctor today" in text
    assert "HealthLink BC at 8-1-1" in text
    assert "Deaf and hard-of-hearing callers can dial 7-1-1" in text
    assert "Emergency: call 911 now" not in text
    assert "Get the care above first" in text


def test_a_precaution_only_says_talk_to_your_physiotherapist(client, demo):
    response = client.post(
        reverse("education:self-check"), self_check_answers(client, nickel="yes")
    )
    text = text_of(response)
    assert "Talk to your physiotherapist before booking" in text
    assert "Metal allergy." in text
    assert "call 911 now" not in text and "call 8-1-1" not in text


def test_no_concerns_sends_you_to_book_and_to_the_aftercare_sheet(client, demo):
    response = client.post(reverse("education:self-check"), self_check_answers(client))
    text = text_of(response)
    assert "Nothing here rules IMS out" in text
    assert "book an assessment" in text
    assert "the aftercare sheet" in text
    assert 'href="/aftercare/"' in response.content.decode()


# --- Sources ------------------------------------------------------------------------


def test_every_demo_article_shows_a_sources_list_of_at_least_two(client, demo):
    for article in Article.objects.published():
        text = text_of(client.get(article.get_absolute_url()))
        sources = text[text.index(" Sources ") :]
        for source in article.sources.all():
            assert source.title in sources, (article.slug, source.title)
            assert source.publisher in sources
            if source.year:
                assert f"{source.publisher}, {source.year}" in sources
        assert article.sources.count() >= 2


def test_the_side_effects_article_cites_the_surveys_by_journal_and_year(client, demo):
    text = text_of(client.get(reverse("education:article-detail", args=["what-to-expect"])))
    assert "Journal of Manual & Manipulative Therapy, 2014" in text
    assert "International Journal of Sports Physical Therapy, 2020" in text


def test_every_faq_answer_shows_its_sources(client, demo):
    page = client.get(reverse("education:faq")).content.decode()
    for faq in FAQ.objects.published():
        block = page[page.index(f'id="faq-{faq.pk}"') :]
        block = block[: block.index("</details>")]
        assert "Sources</h3>" in block, faq.question
        for source in faq.sources.all():
            assert html_lib.escape(source.title) in block or source.title in block


def test_an_article_without_sources_shows_no_empty_sources_heading(client, clinic):
    article = ArticleFactory()
    assert ">Sources<" not in client.get(article.get_absolute_url()).content.decode()
    article.sources.add(SourceFactory(title="A study of bruises"))
    assert "A study of bruises" in client.get(article.get_absolute_url()).content.decode()


def test_the_evidence_page_says_how_strong_the_evidence_is_and_what_is_unknown(client, demo):
    text = get_text(client, "evidence")
    for expected in [
        "low to moderate quality",
        "few trials of IMS itself",
        "56 injured workers",
        "Researchers don't yet know how IMS or dry needling works",
        "how long any benefit lasts",
        "Sources",
    ]:
        assert expected in text, expected


# --- Costs and coverage -----------------------------------------------------------------


def test_the_coverage_page_shows_the_date_last_checked_and_each_payer(client, demo):
    page = SitePage.objects.get(key=SitePage.Key.COVERAGE)
    page.last_reviewed = datetime.date(2026, 11, 20)
    page.save()

    text = get_text(client, "coverage")

    assert "Last checked: 20 November 2026" in text
    for expected in [
        "Our fees and how IMS is billed",
        "Extended health plans and direct billing",
        "MSP supplementary benefits",
        "$23 a visit",
        "10 visits a calendar year",
        "After a car crash: ICBC",
        "without a doctor's referral",
        "Hurt at work: WorkSafeBC",
        "Receipts",
        "Sources",
    ]:
        assert expected in text, expected


def test_coverage_amounts_come_from_staff_content_not_the_template(client, demo):
    template = Path(settings.BASE_DIR, "templates/education/coverage.html").read_text()
    assert not re.search(r"\$\d|\b20\d\d\b", template)
    topic = CoverageTopic.objects.get(title="MSP supplementary benefits")
    topic.text = topic.text.replace("$23", "$25")
    save_approved_edit(topic)
    topics = get_text(client, "coverage").split(" Sources ", 1)[0]
    assert "$25 a visit" in topics and "$23 a visit" not in topics


def test_the_coverage_check_joins_the_review_reminders(admin_client, demo):
    page = SitePage.objects.get(key=SitePage.Key.COVERAGE)
    page.last_reviewed = datetime.date.today() - datetime.timedelta(days=400)
    page.save()
    html = admin_client.get(reverse("admin:index")).content.decode()
    due = html.split('id="reviews-due"', 1)[1].split("</table>", 1)[0]
    assert "Costs and coverage in BC" in due
    assert "Check overdue since" in due


# --- Who treats you -------------------------------------------------------------------


def test_who_treats_you_shows_each_profile_and_how_to_check_a_registration(client, demo):
    text = get_text(client, "practitioners")
    for reviewer in Reviewer.objects.listed():
        assert reviewer.name in text
        assert reviewer.languages in text
        assert reviewer.ims_training in text
    assert "Listed on the college's roster for acupuncture and dry needling." in text
    assert "How to check a registration" in text
    assert "public register" in text


def test_the_review_line_links_the_reviewer_to_their_profile(client, demo):
    article = Article.objects.get(slug="what-is-ims")
    html = client.get(article.get_absolute_url()).content.decode()
    assert f'<a href="/who-treats-you/#{article.reviewer.slug}">{article.reviewer.name}</a>' in html
    assert f'id="{article.reviewer.slug}"' in client.get("/who-treats-you/").content.decode()


# --- Search suggestions and the editorial checks --------------------------------------------


def test_demo_content_makes_every_suggestion_find_something(client, demo):
    html = client.get(reverse("education:search")).content.decode()
    for word in re.findall(r'href="\?q=([^"]+)"', html):
        assert search(unquote_plus(word)), word


@pytest.mark.parametrize(
    "phrase", ["good sign", "good reaction", "cumulative", "painless", "cannot be seen on", "exact"]
)
def test_the_claims_check_flags_the_new_phrases_by_default(phrase):
    assert phrase in EditorialSettings.load().claim_phrase_list


def test_an_article_without_sources_is_flagged_on_its_edit_page_and_the_dashboard(
    admin_client, clinic
):
    article = ArticleFactory(title="Unsourced article")
    edit = admin_client.get(reverse("admin:education_article_change", args=[article.pk]))
    assert "No sources: patients see no Sources list." in edit.content.decode()
    home = admin_client.get(reverse("admin:index")).content.decode()
    assert "Articles with no sources" in home
    assert "Unsourced article" in home.split('id="articles-without-sources"', 1)[1]

    article.sources.add(SourceFactory())
    edit = admin_client.get(reverse("admin:education_article_change", args=[article.pk]))
    assert "No sources:" not in edit.content.decode()


def test_one_infection_rule_reads_the_same_on_every_page(client, demo):
    rule = demo_content.INFECTION_RULE
    for url in [
        reverse("education:aftercare"),
        reverse("education:safety"),
        reverse("education:faq"),
        reverse("education:article-detail", args=["who-should-not-have-ims"]),
    ]:
        assert rule in text_of(client.get(url)), url
