"""The demo content states every medical fact the clinic relies on, and never overclaims.

Each test loads the demo content through the management command and then reads the
site's text back from the database, the way a visitor would see it.
"""

import html
import re

import pytest
from django.core.management import call_command
from django.utils.html import strip_tags

from education.models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    FAQCategory,
    Precaution,
    Resource,
    Reviewer,
    SitePage,
)

pytestmark = pytest.mark.django_db

OVERCLAIMS = [
    "guaranteed",
    "guarantee",
    "cure",
    "cures",
    "cured",
    "no risk",
    "risk-free",
    "100%",
    "completely safe",
    "permanent",
    "permanently",
    "remarkable success rate",
]


@pytest.fixture(autouse=True)
def demo_content_loaded():
    call_command("load_demo_content", verbosity=0)


def normalise(*parts):
    """Plain, lower-case text: tags stripped, entities decoded, quotes and spaces evened out."""
    text = " ".join(html.unescape(strip_tags(part or "")) for part in parts)
    text = text.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"')
    text = text.replace("\u201d", '"').replace("\u2013", "-").replace("\u2014", "-")
    return re.sub(r"\s+", " ", text).lower().strip()


def article_text(slug):
    article = Article.objects.published().get(slug=slug)
    return normalise(article.title, article.summary, article.body)


def site_text():
    """Every piece of published text on the site, as one lower-case string."""
    parts = []
    clinic = ClinicProfile.objects.first()
    if clinic:
        parts += [clinic.name, clinic.tagline]
    for article in Article.objects.published():
        parts += [article.title, article.summary, article.body]
    for category in FAQCategory.objects.all():
        parts += [category.name, category.intro]
    for faq in FAQ.objects.published():
        parts += [faq.question, faq.answer]
    for benefit in Benefit.objects.published():
        parts += [benefit.title, benefit.explanation]
    for condition in Condition.objects.published():
        parts += [condition.name, condition.explanation]
    for precaution in Precaution.objects.published():
        parts += [precaution.name, precaution.explanation, precaution.self_check_question]
    for tip in AftercareTip.objects.published():
        parts += [tip.title, tip.text]
    for page in SitePage.objects.all():
        parts += [page.title, page.meta_description, page.intro, page.body]
    for resource in Resource.objects.all():
        parts += [resource.title, resource.description]
    for reviewer in Reviewer.objects.all():
        parts += [reviewer.name, reviewer.credentials]
    return normalise(*parts)


def faq_text():
    return normalise(*[f"{faq.question} {faq.answer}" for faq in FAQ.objects.published()])


def missing(text, patterns):
    """The regular expressions in ``patterns`` that do not occur in ``text``."""
    return [pattern for pattern in patterns if not re.search(pattern, text)]


def test_history_names_dr_chan_gunn_the_1970s_and_the_wcb_of_british_columbia():
    for text in (article_text("what-is-ims"), faq_text()):
        assert not missing(
            text,
            [
                r"dr\. chan gunn",
                r"1970s",
                r"clinic physician",
                r"workers' compensation board of british columbia",
            ],
        )


def test_ims_uses_no_electricity_and_injects_nothing():
    text = article_text("what-is-ims")
    assert not missing(text, [r"no electricity", r"nothing is injected"])


def test_threefold_effect_covers_reflex_relaxation_a_healing_injury_and_nerve_function():
    text = article_text("what-is-ims")
    assert not missing(
        text,
        [
            r"three effects",
            r"reflex relaxation",
            r"relaxes and gets longer",
            r"small injury",
            r"blood flow",
            r"healing",
            r"electrical potential",
            r"nerve work normally",
        ],
    )


def test_exam_matters_because_nerve_pain_does_not_show_on_scans():
    text = article_text("what-is-ims")
    assert not missing(
        text,
        [
            r"physiotherapist trained in ims",
            r"x-rays",
            r"mri",
            r"bone scans",
            r"ct scans",
        ],
    )


def test_neuropathy_is_a_nerve_not_working_properly_with_a_normal_structure():
    text = article_text("ims-and-nerve-pain")
    assert re.search(r"nerve is not working properly, even though its structure is normal", text)


def test_common_signs_of_neuropathy_are_listed():
    text = article_text("ims-and-nerve-pain")
    assert not missing(
        text,
        [
            r"\bpain\b",
            r"shortened",
            r"spasm",
            r"tender to touch",
            r"swelling around the spine",
            r"changes in temperature, sweating or feeling",
        ],
    )


def test_longer_term_skin_and_tissue_changes_are_listed():
    text = article_text("ims-and-nerve-pain")
    assert not missing(
        text,
        [
            r"swelling",
            r"hair loss",
            r"cold skin",
            r"goose bumps",
            r"sweating over the area",
            r"brittle nails",
            r"psoriasis",
        ],
    )


def test_short_spinal_muscles_can_squeeze_discs_joints_and_nerve_roots():
    text = article_text("ims-and-nerve-pain")
    assert not missing(text, [r"squeeze the spine", r"discs", r"joints", r"nerve roots"])


def test_tests_often_show_nothing_wrong():
    assert 'show that there is "nothing wrong."' in article_text("ims-and-nerve-pain")


def test_trigger_points_are_knots_that_refer_pain_and_can_cause_headaches():
    text = article_text("trigger-points-and-referred-pain")
    assert not missing(
        text,
        [
            r"knot",
            r"referred pain",
            r"some distance away",
            r"headaches",
            r"neck and shoulders",
            r"local twitch response",
        ],
    )


def test_needle_is_painless_in_normal_muscle_and_grabbed_by_a_tight_one():
    text = article_text("what-to-expect")
    assert not missing(
        text,
        [
            r"normal muscle:? the needle does not hurt",
            r"grabs the needle",
            r"deep cramp",
            r"good sign",
            r"relaxes",
            r"range of motion",
        ],
    )


def test_soreness_lasts_24_to_48_hours_and_cool_packs_help():
    for text in (article_text("what-to-expect"), site_text()):
        assert not missing(
            text,
            [r"24 (to|-) 48 hours", r"hard workout", r"normal", r"good reaction", r"cool pack"],
        )
    normal_tips = normalise(
        *[f"{t.title} {t.text}" for t in AftercareTip.objects.published().filter(kind="normal")]
    )
    assert re.search(r"24 (to|-) 48 hours", normal_tips)
    self_care = normalise(
        *[f"{t.title} {t.text}" for t in AftercareTip.objects.published().filter(kind="self_care")]
    )
    assert "cool pack" in self_care


def test_treatment_is_once_a_week_and_its_effects_are_cumulative():
    for text in (article_text("what-to-expect"), faq_text()):
        assert not missing(text, [r"once a week", r"time to heal", r"cumulative"])


def test_number_of_sessions_depends_on_condition_duration_scar_tissue_and_healing():
    text = article_text("what-to-expect")
    assert not missing(
        text, [r"your condition", r"how long you have had it", r"scar tissue", r"body heals"]
    )


def test_pregnancy_hemophilia_and_local_infection_are_reasons_not_to_have_ims():
    avoid = normalise(
        *[
            f"{p.name} {p.explanation} {p.self_check_question}"
            for p in Precaution.objects.published().filter(kind=Precaution.Kind.DO_NOT_HAVE)
        ]
    )
    assert not missing(avoid, [r"pregnan", r"ha?emophilia", r"bleeding disorder", r"infect"])
    assert not missing(
        article_text("who-should-not-have-ims"),
        [r"pregnan", r"ha?emophilia", r"infection in the area"],
    )


def test_anticoagulants_must_be_mentioned_to_the_therapist_first():
    tell = Precaution.objects.published().filter(kind=Precaution.Kind.TELL_THERAPIST)
    text = normalise(*[f"{p.name} {p.explanation}" for p in tell])
    assert not missing(text, [r"anticoagulant", r"tell your physiotherapist"])
    safety = SitePage.objects.get(key=SitePage.Key.SAFETY)
    assert not missing(
        normalise(safety.body),
        [r"every medicine", r"blood thinners", r"list", r"do not stop"],
    )


def test_there_are_exactly_four_precautions_each_with_a_yes_no_question():
    precautions = list(Precaution.objects.published())
    assert len(precautions) == 4
    assert sorted(p.kind for p in precautions) == ["avoid", "avoid", "avoid", "tell"]
    assert all(p.self_check_question.strip().endswith("?") for p in precautions)


def test_infection_risk_is_described_honestly_as_very_low():
    text = article_text("who-should-not-have-ims")
    assert not missing(text, [r"sterile", r"used once", r"risk of infection very low"])


def test_ims_differs_from_acupuncture_in_needle_time_placement_and_theory():
    text = article_text("ims-and-acupuncture")
    assert not missing(
        text,
        [
            r"same thin",
            r"comes right back out",
            r"few minutes",
            r"trigger points",
            r"irritated nerves?",
            r"meridians",
            r"\bqi\b",
        ],
    )


def test_all_twelve_benefits_are_listed_with_careful_words():
    benefits = list(Benefit.objects.published())
    assert len(benefits) == 12
    texts = [normalise(b.title, b.explanation) for b in benefits]
    expected = {
        "pain relief": r"pain relief",
        "muscle relaxation": r"relax",
        "range of motion": r"range of motion",
        "fewer spasms": r"spasm",
        "blood flow": r"blood flow|circulation",
        "endorphins": r"endorphins",
        "alongside rehab": r"exercises|rehab",
        "everyday movement": r"everyday|daily",
        "quick relief": r"quick|soon",
        "targeted": r"targeted",
        "long-term conditions": r"myofascial pain syndrome.*headaches",
        "minimally invasive": r"minimally invasive",
    }
    absent = [
        name for name, pattern in expected.items() if not any(re.search(pattern, t) for t in texts)
    ]
    assert not absent
    assert not [t for t in texts if re.search(r"\b(will|always)\b", t)]
    hedged = [t for t in texts if re.search(r"\b(may|can|some|often)\b", t)]
    assert len(hedged) >= 9


def test_at_least_eight_conditions_including_carpal_tunnel_and_tension_headaches():
    conditions = list(Condition.objects.published())
    assert len(conditions) >= 8
    names = normalise(*[c.name for c in conditions])
    assert not missing(
        names,
        [
            r"chronic pain",
            r"neuropathic",
            r"muscle strains",
            r"sports injuries",
            r"tension headaches",
            r"myofascial pain syndrome",
            r"tendonitis",
            r"carpal tunnel",
            r"osteoarthritis",
        ],
    )
    assert all(re.search(r"\bmay\b|\bsome\b", normalise(c.explanation)) for c in conditions)


def test_istop_is_offered_as_a_resource_with_an_https_link():
    resource = Resource.objects.get(title__icontains="iSTOP")
    assert "institute for the study and treatment of pain" in resource.title.lower()
    assert resource.url.startswith("https://")
    assert "istop.org" in resource.url
    assert resource.description.strip()
    assert resource.articles.filter(slug="what-is-ims").exists()


def test_there_are_six_faq_categories_in_order_each_with_at_least_two_faqs():
    categories = list(FAQCategory.objects.order_by("order"))
    assert [c.name for c in categories] == [
        "About IMS",
        "IMS and acupuncture",
        "Before your treatment",
        "Aftercare",
        "Safety and who should not have IMS",
        "How often and how many sessions",
    ]
    assert all(c.faqs.filter(is_published=True).count() >= 2 for c in categories)
    assert FAQ.objects.published().count() >= 16


def test_urgent_aftercare_says_to_call_911_or_go_to_emergency():
    urgent = AftercareTip.objects.published().filter(kind=AftercareTip.Kind.URGENT)
    assert urgent.exists()
    text = normalise(*[f"{t.title} {t.text}" for t in urgent])
    assert not missing(
        text, [r"shortness of breath", r"chest pain", r"911", r"nearest emergency department"]
    )


def test_call_the_clinic_for_lasting_soreness_or_signs_of_infection():
    tips = AftercareTip.objects.published().filter(kind=AftercareTip.Kind.CALL_CLINIC)
    text = normalise(*[f"{t.title} {t.text}" for t in tips])
    assert not missing(text, [r"longer than 48 hours", r"worse", r"red", r"hot", r"swollen"])


def test_every_site_page_has_a_unique_meta_description_of_search_length():
    pages = {page.key: page for page in SitePage.objects.all()}
    assert set(pages) == set(SitePage.Key.values)
    descriptions = [page.meta_description for page in pages.values()]
    assert len(set(descriptions)) == len(descriptions)
    assert all(110 <= len(d) <= 160 for d in descriptions)


@pytest.mark.parametrize("phrase", OVERCLAIMS)
def test_no_published_text_overclaims(phrase):
    pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
    assert not re.search(pattern, site_text()), f"The site says {phrase!r}"
