"""Staff write a translation beside its English in the admin, and a clinician signs it off."""

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse

from education import services
from education.models import ClinicalReview, EditorialSettings, SignOff
from education.roles import CLINICAL_REVIEWER, CONTENT_EDITOR
from education.translations import translated_fields, translation_approve, translation_status
from education.workflow import reviewed_models
from tests.factories import ArticleFactory, ReviewerFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

FRENCH = {
    "title": "Les aiguilles et vous",
    "summary": "Ce qu’il faut savoir avant une séance.",
    "body": "<p>Une aiguille très fine entre dans le muscle.</p>",
}


def staff(username, group, email=""):
    user = StaffUserFactory(username=username, email=email)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor():
    return staff("edith", CONTENT_EDITOR, "edith@example.com")


@pytest.fixture
def reviewer():
    user = staff("rosa", CLINICAL_REVIEWER, "rosa@example.com")
    ReviewerFactory(name="Rosa Reviewer", credentials="Registered Physiotherapist", user=user)
    return user


@pytest.fixture
def article(clinic):
    return ArticleFactory(
        title="Needles and you",
        slug="needles",
        summary="What to know before a visit.",
        body="<p>A very thin needle goes into the muscle.</p>",
    )


def page_url(article, language="fr"):
    return reverse("admin:education_article_translation", args=[article.pk, language])


def french_page(client, article):
    client.logout()
    return client.get(f"/fr/articles/{article.slug}/").content.decode()


def test_an_editor_writes_the_translation_beside_the_english_and_patients_wait_for_approval(
    client, article, editor, reviewer, django_capture_on_commit_callbacks
):
    client.force_login(editor)
    page = client.get(page_url(article)).content.decode()
    assert "A very thin needle goes into the muscle." in page  # the English, beside
    assert 'name="title"' in page and 'lang="fr"' in page

    response = client.post(page_url(article), {**FRENCH, "decision": "save"})
    assert response.status_code == 302
    assert "Les aiguilles et vous" not in french_page(client, article)

    client.force_login(editor)
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page_url(article), {**FRENCH, "decision": "submit"})
    review = services.review_for(article, "fr")
    assert review.state == ClinicalReview.State.IN_REVIEW
    [waiting] = mail.outbox
    assert waiting.to == ["rosa@example.com"]
    assert "French translation" in waiting.subject
    assert page_url(article) in waiting.body

    english_record = SignOff.objects.filter(language="en").count()
    client.force_login(reviewer)
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(page_url(article), {"decision": "approve", "note": "Fidèle."})
    assert response.status_code == 302

    shown = french_page(client, article)
    assert "Les aiguilles et vous" in shown
    assert "Une aiguille très fine entre dans le muscle." in shown
    approval = SignOff.objects.get(language="fr", action=SignOff.Action.APPROVED)
    assert approval.reviewer_name == "Rosa Reviewer" and approval.note == "Fidèle."
    assert mail.outbox[-1].to == ["edith@example.com"]
    # The English page and its record are untouched.
    assert "Les aiguilles" not in client.get("/articles/needles/").content.decode()
    assert SignOff.objects.filter(language="en").count() == english_record


def test_whoever_wrote_the_translation_cannot_approve_it_four_eyes(client, article, reviewer):
    reviewer.groups.add(Group.objects.get(name=CONTENT_EDITOR))
    client.force_login(reviewer)
    client.post(page_url(article), {**FRENCH, "decision": "submit"})

    page = client.post(page_url(article), {"decision": "approve"}, follow=True)

    assert "another clinician must approve it" in page.content.decode()
    assert translation_status(article, "fr").translated is False
    EditorialSettings.objects.create(single_clinician=True)
    client.post(page_url(article), {"decision": "approve"})
    assert SignOff.objects.get(language="fr").single_clinician


def test_a_reviewer_sends_it_back_with_a_note_and_the_editor_can_change_it_again(
    client, article, editor, reviewer
):
    client.force_login(editor)
    client.post(page_url(article), {**FRENCH, "decision": "submit"})
    client.force_login(reviewer)
    client.post(page_url(article), {"decision": "changes", "note": "Say “muscle tendu”."})

    client.force_login(editor)
    page = client.get(page_url(article)).content.decode()
    assert "Changes requested by a reviewer" in page
    assert "Say “muscle tendu”." in page
    assert 'value="Les aiguilles et vous"' in page  # the draft is kept for the editor
    assert client.post(page_url(article), {**FRENCH, "decision": "save"}).status_code == 302


def test_sending_an_incomplete_translation_is_refused_and_keeps_what_was_typed(
    client, article, editor
):
    client.force_login(editor)
    response = client.post(
        page_url(article), {"title": "Les aiguilles et vous", "summary": "", "decision": "submit"}
    )

    html = response.content.decode()
    assert response.status_code == 200
    assert "still empty: Summary, Body." in html
    assert 'value="Les aiguilles et vous"' in html
    assert services.review_for(article, "fr").state == ClinicalReview.State.DRAFT


def test_a_translation_in_review_is_locked_and_an_editor_cannot_approve(
    client, article, editor, reviewer
):
    client.force_login(editor)
    client.post(page_url(article), {**FRENCH, "decision": "submit"})

    page = client.get(page_url(article)).content.decode()
    assert "cannot be changed until a reviewer approves it" in page
    assert "Approve the translation" not in page
    assert client.post(page_url(article), {"decision": "approve"}).status_code == 403
    client.post(page_url(article), {**FRENCH, "title": "Autre", "decision": "save"})
    assert services.review_for(article, "fr").pending_data["title"] == "Les aiguilles et vous"


def test_an_unknown_language_is_not_found(admin_client, article):
    assert admin_client.get(page_url(article, "de")).status_code == 404
    assert admin_client.get(page_url(article, "en")).status_code == 404


def test_approving_changed_english_in_the_admin_flags_its_translation_out_of_date(
    client, article, editor, reviewer
):
    translation_approve(
        obj=article, language="fr", values=FRENCH, reviewer=ReviewerFactory(name="Demo")
    )
    client.force_login(editor)
    change = reverse("admin:education_article_change", args=[article.pk])
    form = client.get(change).content.decode()
    assert "Approved: patients see the translation" in form  # the English item lists it
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": "<p>A very thin, solid needle goes into the tight muscle.</p>",
        "status": article.status,
        "published_at_0": article.published_at.strftime("%Y-%m-%d"),
        "published_at_1": article.published_at.strftime("%H:%M:%S"),
        "author_name": article.author_name,
        "order": article.order,
        "next_review_due": "",
        "allow_comments": "on",
    }
    assert client.post(change, data).status_code == 302
    review_page = reverse("admin:education_article_review", args=[article.pk])
    client.post(review_page, {"decision": "submit"})
    assert "English version of this page changed" not in french_page(client, article)

    client.force_login(reviewer)
    client.post(review_page, {"decision": "approve"})

    # The request that approved the English flagged the translation.
    assert services.review_for(article, "fr").english_changed_at is not None
    shown = french_page(client, article)
    assert "La version anglaise de cette page a changé le" in shown
    assert 'href="/articles/needles/"' in shown
    client.force_login(editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    listed = dashboard.split('id="translations-out-of-date"')[1].split("</table>")[0]
    assert "Needles and you (French translation)" in listed
    translation = client.get(page_url(article)).content.decode()
    assert '<ins class="diff-added">tight</ins>' in translation  # what changed in the English

    # The translation still says the same: sent unchanged and confirmed, it is current again.
    client.post(page_url(article), {**FRENCH, "decision": "submit"})
    client.force_login(reviewer)
    client.post(page_url(article), {"decision": "approve"})
    assert "La version anglaise" not in french_page(client, article)
    client.force_login(editor)
    dashboard = client.get(reverse("admin:index")).content.decode()
    assert "Every approved translation matches its English." in dashboard


def test_the_clinic_profile_takes_its_tagline_and_hours_in_each_language(admin_client, clinic):
    change = reverse("admin:education_clinicprofile_change", args=[clinic.pk])
    form = admin_client.get(change).content.decode()
    assert "Tagline (French)" in form and "Opening hours (Punjabi)" in form
    assert 'name="tagline_en"' not in form  # the English box is "Tagline" itself
    data = {
        name: value
        for name, value in admin_client.get(change).context["adminform"].form.initial.items()
        if value is not None and not isinstance(value, list | dict)
    }
    data.update(
        tagline="Physiotherapy in New Westminster",
        tagline_fr="Physiothérapie à New Westminster",
        opening_hours="Monday to Friday: 8 am to 6 pm",
        opening_hours_fr="Du lundi au vendredi : de 8 h à 18 h",
    )
    response = admin_client.post(change, data)
    assert response.status_code == 302, response.context["adminform"].form.errors

    admin_client.logout()
    french = admin_client.get("/fr/contact/").content.decode()
    english = admin_client.get("/contact/").content.decode()
    assert "Physiothérapie à New Westminster" in french
    assert "Du lundi au vendredi : de 8 h à 18 h" in french
    assert "Physiotherapy in New Westminster" in english
    assert "Physiothérapie" not in english


def test_every_kind_of_medical_content_has_a_translation_page(admin_client, demo_content):
    for model in reviewed_models():
        item = model.objects.order_by("pk").first()
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_translation", args=[item.pk, "pa"])

        page = admin_client.get(url)

        assert page.status_code == 200, model
        html = page.content.decode()
        for name in translated_fields(model):
            assert f'name="{name}"' in html, (model, name)
        assert "Punjabi translation" in html
