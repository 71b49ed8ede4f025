"""The demo content states every medical fact the clinic relies on, and never overclaims.

Each test loads the demo content through the management command and then reads the
site's text back from the database, the way a visitor would see it.
"""

import html
import re

import pytest
from django.utils.html import strip_tags

from education import demo_content
from education.models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicProfile,
    Condition,
    CoverageTopic,
    FAQCategory,
    GlossaryTerm,
    Precaution,
    RedFlag,
    Resource,
    Reviewer,
    SideEffect,
    SitePage,
    Source,
)

# The demo content is loaded once for the module: all of it runs in one test process.
pytestmark = [pytest.mark.django_db, pytest.mark.xdist_group("demo-content-facts")]

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
    "good sign",
    "good reaction",
    "cumulative",
    "painless",
    "cannot be seen on",
    "exact",
    "exactly",
]


@pytest.fixture(autouse=True)
def demo_content_loaded(demo_content_for_module):
    """Loaded once for the module: every test here only reads it."""


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
    for flag in RedFlag.objects.published():
        parts += [flag.question, flag.explanation]
    for effect in SideEffect.objects.published():
        parts += [effect.name, effect.rate, effect.explanation]
    for topic in CoverageTopic.objects.published():
        parts += [topic.title, topic.text]
    for page in SitePage.objects.all():
        parts += [page.title, page.meta_description, page.intro, page.body]
    for resource in Resource.objects.all():
        parts += [resource.title, resource.description]
    for reviewer in Reviewer.objects.all():
        parts += [reviewer.name, reviewer.credentials]
    return normalise(*parts)


def faq_text():
    return normalise(*[f"{faq.question} {faq.answer}" for faq in FAQ.objects.published()])


def page(key):
    return SitePage.objects.get(key=key)


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


def test_dr_gunns_three_effects_are_named_as_his_proposal_not_as_fact():
    text = article_text("what-is-ims")
    assert not missing(
        text,
        [
            r"researchers don't yet know how ims works",
            r"dr\. gunn proposed three effects",
            r"each one is an idea, not a proven fact",
            r"reflex relaxation",
            r"relaxes and gets longer",
            r"small injury",
            r"blood flow",
            r"electrical potential",
            r"nerve work normally",
        ],
    )
    assert "theory" in text
    assert not re.search(r"\bhe found\b", text)


def test_the_strength_of_the_evidence_is_stated_plainly():
    for text in (article_text("what-is-ims"), normalise(page("evidence").body)):
        assert not missing(text, [r"low to moderate", r"few trials of ims itself"])
    evidence = normalise(page("evidence").body)
    assert not missing(
        evidence, [r"what is still unknown", r"how long any benefit lasts", r"1980", r"56"]
    )


def test_scans_are_not_said_to_be_blind_to_nerve_problems():
    for text in (article_text("what-is-ims"), article_text("ims-and-nerve-pain"), faq_text()):
        assert not missing(
            text, [r"scans? (often )?(still )?", r"rule out other causes", r"real nerve problems"]
        )
    assert not re.search(r"cannot be seen on|invisible to", site_text())


def test_neuropathic_pain_has_its_medical_meaning_and_gunns_use_is_named_as_his():
    text = article_text("ims-and-nerve-pain")
    assert not missing(
        text,
        [
            r"neuropathic pain as pain caused by damage or disease of the nerves",
            r"dr\. chan gunn, who developed ims, used neuropathy in his own way",
            r"this is his theory",
            r"ims is not an established treatment for diabetic neuropathy",
            r"shingles",
            r"see your doctor",
        ],
    )
    glossary = normalise(GlossaryTerm.objects.get(slug="neuropathy").definition)
    assert "damage or disease of a nerve" in glossary
    assert "dr. gunn used the word in his own way" in glossary


def test_the_neuropathic_pain_condition_is_renamed_and_sends_nerve_damage_to_a_doctor():
    names = [c.name.lower() for c in Condition.objects.published()]
    assert not [name for name in names if "neuropathic" in name]
    gunn = Condition.objects.get(name__icontains="Dr. Gunn")
    text = normalise(gunn.explanation)
    assert not missing(text, [r"his theory", r"diabetes", r"shingles", r"see your doctor"])


def test_skin_hair_and_nail_changes_are_not_blamed_on_nerves():
    text = article_text("ims-and-nerve-pain")
    assert not missing(
        text,
        [
            r"signs that dr\. gunn described",
            r"new changes in your skin, hair or nails need a doctor's check",
            r"psoriasis is a disease of the immune system",
        ],
    )
    assert not re.search(r"hair loss|brittle nails", site_text())


def test_the_needle_cramp_is_common_not_a_good_sign_and_patients_may_stop():
    text = article_text("what-to-expect")
    assert not missing(
        text,
        [
            r"grabs the needle",
            r"deep cramp",
            r"common and expected",
            r"not a sign that the treatment is working",
            r"sharp, burning or electric pain",
            r"pain when you breathe in",
            r"feel faint",
            r"stop at any time",
        ],
    )


def test_consent_is_asked_before_the_first_needle():
    text = article_text("what-to-expect")
    assert not missing(
        text,
        [r"ask for your consent", r"side effects", r"rare serious risks", r"you can say no"],
    )
    assert "you can stop at any time" in normalise(page("safety").body)


def test_soreness_lasts_24_to_48_hours_and_cool_packs_help():
    for text in (article_text("what-to-expect"), site_text()):
        assert not missing(text, [r"24 (to|-) 48 hours", r"hard workout", r"cool pack"])
    normal_tips = normalise(
        *[f"{t.title} {t.text}" for t in AftercareTip.objects.published().filter(kind="normal")]
    )
    assert re.search(r"24 (to|-) 48 hours", normal_tips)
    assert "common and expected" in normal_tips
    self_care = normalise(
        *[f"{t.title} {t.text}" for t in AftercareTip.objects.published().filter(kind="self_care")]
    )
    assert "cool pack" in self_care


def test_treatment_is_about_weekly_and_reviewed_if_it_is_not_helping():
    for text in (article_text("what-to-expect"), faq_text()):
        assert not missing(text, [r"once a week", r"3 or 4 sessions"])
    assert "3 or 4 sessions" in normalise(page("safety").body)


def test_side_effect_rates_come_from_the_dry_needling_surveys():
    effects = {e.name: normalise(e.rate, e.explanation) for e in SideEffect.objects.published()}
    assert re.search(r"1 in 13", effects["A bruise"])
    assert re.search(r"1 in 20.*1 in 6", effects["Bleeding at the needle spot"])
    assert re.search(r"1 in 400", effects["Feeling tired or drowsy"])
    assert re.search(r"1 in 1,000", effects["Collapsed lung (pneumothorax)"])
    kinds = set(SideEffect.objects.values_list("frequency", flat=True))
    assert kinds == {"common", "uncommon", "rare"}
    for text in (article_text("what-to-expect"), faq_text()):
        assert not missing(text, [r"1 in 5", r"1 in 1,000"])


def test_a_collapsed_lung_can_start_hours_or_two_days_later_and_needs_911():
    for text in (
        article_text("who-should-not-have-ims"),
        normalise(SideEffect.objects.get(name__icontains="collapsed lung").explanation),
        normalise(*[t.text for t in AftercareTip.objects.filter(kind=AftercareTip.Kind.URGENT)]),
    ):
        assert not missing(
            text,
            [
                r"hours or up to two days later",
                r"pain when you breathe in",
                r"short(ness)? of breath",
                r"dry cough",
                r"call 911 or go to the nearest emergency department",
                r"you had needling",
            ],
        )
    assert not re.search(r"sudden shortness of breath", site_text())


def test_carpal_tunnel_is_pressure_on_the_median_nerve_at_the_wrist():
    text = normalise(Condition.objects.get(name="Carpal tunnel syndrome").explanation)
    assert not missing(
        text,
        [
            r"median nerve",
            r"wrist",
            r"splints",
            r"injections or surgery",
            r"very limited",
            r"needs a doctor",
        ],
    )
    assert "neck" not in text


def test_one_infection_rule_is_used_everywhere_the_site_speaks_of_it():
    rule = normalise(demo_content.INFECTION_RULE)
    assert not missing(rule, [r"red, hot, swollen", r"pus", r"days or even weeks", r"8-1-1"])
    places = [
        article_text("who-should-not-have-ims"),
        article_text("what-to-expect"),
        normalise(FAQ.objects.get(question="Can I get an infection from the needles?").answer),
        normalise(FAQ.objects.get(question="When should I call the clinic?").answer),
        normalise(AftercareTip.objects.get(title="Signs of infection at a needle spot").text),
        normalise(SideEffect.objects.get(name="Infection").explanation),
    ]
    assert all(rule in text for text in places)
    # No other wording of the rule anywhere: every mention of a red, hot spot is the rule.
    text = site_text()
    assert text.count("red, hot") == text.count(rule)


def test_every_screening_topic_is_covered_with_its_kind_and_a_question():
    precautions = list(Precaution.objects.published())
    assert all(p.self_check_question.strip().endswith("?") for p in precautions)
    by_kind = {
        kind: normalise(*[f"{p.name} {p.explanation}" for p in precautions if p.kind == kind])
        for kind in Precaution.Kind.values
    }
    assert not missing(
        by_kind["avoid"],
        [
            r"clinic's policy is not to give ims during pregnancy",
            r"ha?emophilia",
            r"bleeding disorder",
            r"infect",
            r"lymphoedema",
            r"lymph nodes",
            r"consent",
            r"18 or over",
        ],
    )
    assert not missing(
        by_kind["tell"],
        [
            r"anticoagulant",
            r"antiplatelet",
            r"supplement",
            r"immune",
            r"metal allergy",
            r"pacemaker",
            r"breast implants",
            r"joint replacement",
            r"surgery",
            r"epilepsy",
            r"needles",
        ],
    )


def test_red_flags_route_to_911_or_to_a_doctor_today():
    flags = list(RedFlag.objects.published())
    text = normalise(*[f.question for f in flags])
    assert not missing(
        text,
        [
            r"fever",
            r"lost weight",
            r"cancer",
            r"night",
            r"weakness or numbness",
            r"bladder or bowels",
            r"chest pain",
            r"short of breath",
        ],
    )
    emergency = normalise(*[f.question for f in flags if f.route == RedFlag.Route.EMERGENCY])
    assert "chest pain" in emergency and "bladder" in emergency
    assert {f.route for f in flags} == set(RedFlag.Route.values)


def test_anticoagulants_must_be_mentioned_to_the_therapist_first():
    tell = Precaution.objects.published().filter(kind=Precaution.Kind.TELL_THERAPIST)
    text = normalise(*[f"{p.name} {p.explanation}" for p in tell])
    assert not missing(text, [r"anticoagulant", r"tell your physiotherapist"])
    safety = SitePage.objects.get(key=SitePage.Key.SAFETY)
    assert not missing(
        normalise(safety.body),
        [r"every medicine", r"blood thinners", r"list", r"do not stop"],
    )


def test_not_driving_while_drowsy_or_faint():
    for text in (normalise(page("safety").body), faq_text(), article_text("what-to-expect")):
        assert re.search(r"do not drive[^.]*(drowsy|faint)", text)


def test_infection_risk_is_described_honestly_as_very_low_but_not_zero():
    text = article_text("who-should-not-have-ims")
    assert not missing(text, [r"sterile", r"used once", r"very low, but not zero"])


def test_ims_differs_from_acupuncture_in_needle_time_placement_and_theory():
    text = article_text("ims-and-acupuncture")
    assert not missing(
        text,
        [
            r"same thin",
            r"comes right back out",
            r"number of minutes",
            r"trigger points",
            r"dr\. gunn's theory",
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
    hedged = [t for t in texts if re.search(r"\b(may|can|some|often|idea|think)\b", t)]
    assert len(hedged) >= 10
    proposed = normalise(*[t for t in texts if re.search(r"blood flow|endorphins", t)])
    assert len(re.findall(r"not (been )?(a )?proven", proposed)) == 2


def test_at_least_eight_conditions_including_carpal_tunnel_and_tension_headaches():
    conditions = list(Condition.objects.published())
    assert len(conditions) >= 8
    names = normalise(*[c.name for c in conditions])
    assert not missing(
        names,
        [
            r"chronic muscle pain",
            r"dr\. gunn",
            r"muscle strains",
            r"sports injuries",
            r"tension headaches",
            r"myofascial pain syndrome",
            r"tendonitis",
            r"carpal tunnel",
            r"osteoarthritis",
        ],
    )
    assert all(re.search(r"\bmay\b|\bsome\b|limited", normalise(c.explanation)) for c in conditions)


def test_istop_is_offered_as_a_resource_with_an_https_link():
    resource = Resource.objects.get(title__icontains="iSTOP")
    assert "institute for the study and treatment of pain" in resource.title.lower()
    assert resource.url.startswith("https://")
    assert "istop.org" in resource.url
    assert resource.description.strip()
    assert resource.articles.filter(slug="what-is-ims").exists()


def test_every_article_and_answer_cites_sources_articles_at_least_two():
    for article in Article.objects.published():
        assert article.sources.count() >= 2, article.slug
    for faq in FAQ.objects.published():
        assert faq.sources.exists(), faq.question
    assert all(s.url.startswith("https://") and s.supports.strip() for s in Source.objects.all())
    for key in ("safety", "evidence", "coverage", "practitioners"):
        assert page(key).sources.exists(), key


def test_the_side_effect_surveys_are_cited_with_their_journals_and_years():
    brady = Source.objects.get(url__contains="2042618613Y.0000000044")
    assert (brady.publisher, brady.year) == ("Journal of Manual & Manipulative Therapy", 2014)
    boyce = Source.objects.get(url__contains="ijspt20200103")
    assert (boyce.publisher, boyce.year) == (
        "International Journal of Sports Physical Therapy",
        2020,
    )
    safety = page("safety")
    assert {brady, boyce} <= set(safety.sources.all())


def test_coverage_in_bc_names_every_payer_with_amounts_in_staff_content():
    text = normalise(*[f"{t.title} {t.text}" for t in CoverageTopic.objects.published()])
    assert not missing(
        text,
        [
            r"bill many plans directly",
            r"msp",
            r"premium assistance",
            r"\$23 a visit",
            r"10 visits a calendar year",
            r"icbc",
            r"without a doctor's referral",
            r"25 physiotherapy visits in the first 12 weeks",
            r"worksafebc",
            r"receipt",
            r"billed as physiotherapy",
        ],
    )
    assert page("coverage").last_reviewed is not None


def test_practitioners_are_on_the_needling_roster_and_patients_can_check():
    assert all(r.on_needling_roster and r.slug for r in Reviewer.objects.listed())
    body = normalise(page("practitioners").body)
    assert not missing(
        body, [r"college of health and care professionals of bc", r"public register", r"roster"]
    )


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
    assert all(110 <= len(d) <= 160 for d in descriptions), [
        (len(d), d) for d in descriptions if not 110 <= len(d) <= 160
    ]


@pytest.mark.parametrize("phrase", OVERCLAIMS)
def test_no_published_text_overclaims(phrase):
    pattern = r"(?<!\w)" + re.escape(phrase) + r"(?!\w)"
    assert not re.search(pattern, site_text()), f"The site says {phrase!r}"
