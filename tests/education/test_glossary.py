import re

import pytest
from django.core.management import call_command
from django.urls import reverse

from education.glossary import link_glossary_terms
from education.models import GlossaryTerm
from education.translations import translation_approve
from tests.factories import ArticleFactory, GlossaryTermFactory, ReviewerFactory

pytestmark = pytest.mark.django_db

TERMS = [("Trigger point", "/glossary/#trigger-point"), ("IMS", "/glossary/#ims")]


def test_first_use_of_each_term_links_to_its_meaning_once():
    html = "<p>A trigger point is a knot. IMS treats trigger points. IMS helps.</p>"

    linked = link_glossary_terms(html, TERMS)

    assert linked.count('href="/glossary/#trigger-point"') == 1
    assert linked.count('href="/glossary/#ims"') == 1
    assert '<a class="glossary-link" href="/glossary/#trigger-point"' in linked
    assert ">trigger point</a> is a knot" in linked
    assert "treats trigger points. IMS helps.</p>" in linked


def test_terms_inside_links_and_headings_are_left_alone():
    html = (
        "<h2>What is a trigger point?</h2>"
        '<p><a href="https://example.org/">IMS</a> and a trigger point.</p>'
    )

    linked = link_glossary_terms(html, TERMS)

    assert "<h2>What is a trigger point?</h2>" in linked
    assert linked.count("glossary-link") == 1
    assert 'href="/glossary/#ims"' not in linked
    assert 'a <a class="glossary-link" href="/glossary/#trigger-point"' in linked


def test_longer_terms_win_and_words_inside_words_are_not_linked():
    terms = [("Dry needling", "/glossary/#dry-needling"), ("IMS", "/glossary/#ims")]

    linked = link_glossary_terms("<p>Claims about dry needling.</p>", terms)

    assert "Claims about" in linked
    assert 'href="/glossary/#ims"' not in linked
    assert ">dry needling</a>." in linked


def test_linking_keeps_text_escaped_and_the_html_sanitised():
    html = "<p>5 &lt; 6 &amp; IMS &lt;script&gt;alert(1)&lt;/script&gt;</p>"

    linked = link_glossary_terms(html, TERMS)

    assert "<script>" not in linked
    assert "5 &lt; 6 &amp; " in linked
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in linked


def test_a_hostile_term_or_url_cannot_inject_markup():
    linked = link_glossary_terms(
        "<p>Say <b>hello</b> there.</p>",
        [("hello", 'javascript:alert(1)" onclick="x')],
    )

    assert "onclick" not in linked
    assert "javascript:" not in linked
    assert "<b>" in linked


def test_article_page_links_glossary_words_to_the_glossary(client, clinic):
    GlossaryTermFactory(term="Referred pain", slug="referred-pain")
    article = ArticleFactory(body="<p>This is called referred pain. More referred pain.</p>")

    html = client.get(article.get_absolute_url()).content.decode()

    assert html.count('href="/glossary/#referred-pain"') == 1


def test_glossary_page_lists_every_term_with_an_anchor(client, clinic):
    GlossaryTermFactory(term="Neuropathy", slug="neuropathy", definition="A nerve problem.")
    GlossaryTermFactory(term="Myofascial", slug="myofascial", definition="About muscles.")

    html = client.get(reverse("education:glossary")).content.decode()

    assert '<dt id="myofascial" tabindex="-1">Myofascial</dt>' in html
    assert html.index("Myofascial") < html.index("Neuropathy")
    assert "A nerve problem." in html


def test_demo_content_defines_the_words_patients_meet():
    call_command("load_demo_content", verbosity=0)

    terms = set(GlossaryTerm.objects.values_list("term", flat=True))

    assert {
        "IMS",
        "Dry needling",
        "Trigger point",
        "Referred pain",
        "Neuropathy",
        "Myofascial",
        "Contraindication",
    } <= terms


def shown_terms(html):
    return re.findall(r'<dt id="[^"]+" tabindex="-1"[^>]*>([^<]+)</dt>', html)


def test_the_french_glossary_is_a_to_z_by_the_words_the_reader_sees(client, clinic):
    reviewer = ReviewerFactory()
    for english, french in [
        ("Referred pain", "Douleur projetée"),
        ("Bruise", "Ecchymose"),
        ("Ultrasound", "Échographie"),
    ]:
        term = GlossaryTermFactory(term=english)
        translation_approve(obj=term, language="fr", values={"term": french}, reviewer=reviewer)
    for english in ["Trigger point", "Fascia", "Dry needling"]:
        GlossaryTermFactory(term=english)

    french = shown_terms(client.get("/fr/glossary/").content.decode())
    english = shown_terms(client.get("/glossary/").content.decode())

    assert french == [
        "Douleur projetée",
        "Dry needling",
        "Ecchymose",
        "Échographie",
        "Fascia",
        "Trigger point",
    ]
    assert english == [
        "Bruise",
        "Dry needling",
        "Fascia",
        "Referred pain",
        "Trigger point",
        "Ultrasound",
    ]


def test_the_glossary_order_number_still_comes_before_the_alphabet(client, clinic):
    GlossaryTermFactory(term="Zygapophyseal joint", order=0)
    GlossaryTermFactory(term="Acupuncture", order=1)

    assert shown_terms(client.get("/fr/glossary/").content.decode()) == [
        "Zygapophyseal joint",
        "Acupuncture",
    ]
