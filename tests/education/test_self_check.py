import logging
import re

import pytest
from django.urls import reverse

from education.models import Precaution
from tests.factories import PrecautionFactory

pytestmark = pytest.mark.django_db

URL = reverse("education:self-check")


@pytest.fixture
def questions(clinic):
    return [
        PrecautionFactory(
            name="Pregnancy",
            self_check_question="Are you pregnant, or could you be?",
            explanation="IMS is not done during pregnancy.",
        ),
        PrecautionFactory(
            name="Blood thinners",
            kind=Precaution.Kind.TELL_THERAPIST,
            self_check_question="Do you take a blood thinner?",
            explanation="You may bruise more easily.",
        ),
    ]


def answers(questions, *values):
    return {f"q{precaution.pk}": value for precaution, value in zip(questions, values, strict=True)}


def main_region(response):
    html = response.content.decode()
    return html[html.index('<main id="main"') : html.index("</main>")]


def test_the_form_asks_one_question_per_precaution_and_says_it_is_not_advice(client, questions):
    PrecautionFactory(name="No question here", self_check_question="")
    PrecautionFactory(name="Hidden", self_check_question="Hidden question?", is_published=False)

    html = main_region(client.get(URL))

    assert "Are you pregnant, or could you be?" in html
    assert "Do you take a blood thinner?" in html
    assert "Hidden question?" not in html
    assert "This is not medical advice." in html
    assert html.count('type="radio"') == 6
    assert 'method="post"' in html


def test_answering_no_to_everything_says_nothing_rules_ims_out(client, questions):
    html = main_region(client.post(URL, answers(questions, "no", "no")))

    assert "Nothing here rules IMS out" in html
    assert "your physiotherapist will" in html.lower()
    assert "Talk to your physiotherapist before booking" not in html


def test_a_yes_or_not_sure_answer_says_talk_first_and_gives_the_reasons(client, questions):
    html = main_region(client.post(URL, answers(questions, "no", "unsure")))

    assert "Talk to your physiotherapist before booking" in html
    assert "Blood thinners" in html and "You may bruise more easily." in html
    assert "IMS is not done during pregnancy." not in html
    assert "Nothing here rules IMS out" not in html


def test_a_missing_answer_gets_a_clear_message_and_keeps_the_others(client, questions):
    response = client.post(URL, {f"q{questions[0].pk}": "yes"})

    html = main_region(response)
    assert response.status_code == 200
    assert "Please answer every question" in html
    assert "Please choose Yes, No or Not sure." in html
    kept = re.search(rf'value="yes"\s+id="id_q{questions[0].pk}_1"[^>]*\bchecked', html)
    assert kept, "the answer already given is still selected"
    assert html.count("checked") == 1
    assert "Talk to your physiotherapist before booking" not in html


def test_answers_are_neither_stored_nor_logged_nor_cached(
    client, questions, caplog, django_assert_max_num_queries
):
    caplog.set_level(logging.DEBUG)
    with django_assert_max_num_queries(10) as queries:
        response = client.post(URL, answers(questions, "yes", "yes"))

    assert response.status_code == 200
    writes = [
        query["sql"]
        for query in queries.captured_queries
        if query["sql"].lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE"))
    ]
    assert writes == []
    assert "no-store" in response["Cache-Control"]
    assert not any("pregnan" in record.getMessage().lower() for record in caplog.records)
