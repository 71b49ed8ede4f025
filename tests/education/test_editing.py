"""The rich-text editor, revisions with compare and restore, ordering, and the change log."""

import datetime
import re

import pytest
import time_machine
from django.contrib.admin.models import CHANGE, LogEntry
from django.contrib.auth.models import Permission
from django.urls import reverse
from django.utils import timezone
from reversion.models import Version

from education.models import FAQ, Benefit
from tests import factories
from tests.factories import BenefitFactory, FAQFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def faq_form_data(faq, **changes):
    data = {
        "category": faq.category_id,
        "question": faq.question,
        "answer": faq.answer,
        "order": faq.order,
        "is_published": "on" if faq.is_published else "",
        "related_article": faq.related_article_id or "",
    }
    return data | changes


# --- The editor --------------------------------------------------------------------


def test_article_form_uses_the_rich_text_editor_from_static_files(admin_client):
    html = admin_client.get(reverse("admin:education_article_add")).content.decode()
    textarea = re.search(r"<textarea[^>]*name=\"body\"[^>]*>", html).group(0)
    assert "data-django-prose-editor-clinic" in textarea
    assert '<script src="/static/js/rich_text_editor.js" type="module"></script>' in html
    assert 'href="/static/django_prose_editor/editor.css"' in html
    # Everything the editor needs is on this site: no import map, no inline script.
    assert 'type="importmap"' not in html
    assert "/static/django_prose_editor/editor.js" in textarea


def test_editor_offers_only_what_the_sanitiser_keeps(admin_client):
    html = admin_client.get(reverse("admin:education_faq_add")).content.decode()
    textarea = re.search(r"<textarea[^>]*name=\"answer\"[^>]*>", html).group(0)
    config = textarea.replace("&quot;", '"')
    assert '"Heading":{"levels":[2,3,4]}' in config
    for extension in ("Bold", "Italic", "BulletList", "OrderedList", "Blockquote", "Link"):
        assert f'"{extension}"' in config
    for extension in ("Table", "Image", "Underline", "Strike", "CodeBlock"):
        assert f'"{extension}"' not in config


def test_page_texts_use_the_editor_too(admin_client):
    html = admin_client.get(reverse("admin:education_sitepage_add")).content.decode()
    assert html.count("data-django-prose-editor-clinic") == 2


def test_html_saved_through_the_admin_is_sanitised(admin_client):
    faq = FAQFactory(clinical_state="unapproved")
    dirty = (
        '<h1>Big</h1><h2 onclick="steal()">Fine</h2><script>alert(1)</script>'
        '<p style="color:red">Text <a href="javascript:alert(1)">bad</a> '
        '<a href="https://example.com/">good</a></p><img src="x">'
    )
    response = admin_client.post(
        reverse("admin:education_faq_change", args=[faq.pk]), faq_form_data(faq, answer=dirty)
    )
    assert response.status_code == 302
    faq.refresh_from_db()
    assert "<script" not in faq.answer
    assert "onclick" not in faq.answer
    assert "style=" not in faq.answer
    assert "javascript:" not in faq.answer
    assert "<img" not in faq.answer
    assert "<h1>" not in faq.answer
    assert "<h2>Fine</h2>" in faq.answer
    assert '<a href="https://example.com/" rel="noopener noreferrer">good</a>' in faq.answer


# --- Revisions ----------------------------------------------------------------------


def test_each_admin_save_keeps_a_revision_with_who_made_it(admin_client, superuser):
    faq = FAQFactory()
    url = reverse("admin:education_faq_change", args=[faq.pk])
    admin_client.post(url, faq_form_data(faq, answer="<p>First answer.</p>"))
    admin_client.post(url, faq_form_data(faq, answer="<p>Second answer.</p>"))
    versions = Version.objects.get_for_object(faq)
    assert versions.count() == 2
    assert {version.revision.user for version in versions} == {superuser}
    history = admin_client.get(reverse("admin:education_faq_history", args=[faq.pk]))
    html = history.content.decode()
    assert html.count("Compare with now") == 2
    assert superuser.username in html
    assert html.count("Restore this version") == 2


def test_staff_who_may_only_view_are_not_offered_a_restore(client, db):
    faq = FAQFactory()
    reversion_admin = factories.SuperUserFactory(username="editor-who-saves")
    client.force_login(reversion_admin)
    client.post(
        reverse("admin:education_faq_change", args=[faq.pk]),
        faq_form_data(faq, answer="<p>Saved once.</p>"),
    )
    viewer = StaffUserFactory(username="viewer")
    viewer.user_permissions.add(Permission.objects.get(codename="view_faq"))
    client.force_login(viewer)

    html = client.get(reverse("admin:education_faq_history", args=[faq.pk])).content.decode()

    assert "Compare with now" in html
    assert "Restore this version" not in html


def test_restoring_yesterdays_version_of_an_faq_brings_the_old_text_back(admin_client):
    now = timezone.now()
    with time_machine.travel(now - datetime.timedelta(days=1), tick=False):
        faq = FAQFactory(clinical_state="unapproved")
        url = reverse("admin:education_faq_change", args=[faq.pk])
        admin_client.post(url, faq_form_data(faq, answer="<p>Kind words from yesterday.</p>"))
    with time_machine.travel(now, tick=False):
        admin_client.post(url, faq_form_data(faq, answer="<p>Spoiled text of today.</p>"))
        yesterday = Version.objects.get_for_object(faq).order_by("revision__date_created").first()

        compare = admin_client.get(
            reverse("admin:education_faq_compare", args=[faq.pk, yesterday.pk])
        ).content.decode()
        assert '<del class="diff-removed">Kind words from yesterday.</del>' in compare
        assert '<ins class="diff-added">Spoiled text of today.</ins>' in compare

        revision_url = reverse("admin:education_faq_revision", args=[faq.pk, yesterday.pk])
        form = admin_client.get(revision_url).context["adminform"].form
        assert form["answer"].value() == "<p>Kind words from yesterday.</p>"
        response = admin_client.post(
            revision_url, faq_form_data(faq, answer=form["answer"].value())
        )
        assert response.status_code == 302

    faq.refresh_from_db()
    assert faq.answer == "<p>Kind words from yesterday.</p>"
    # Restoring is itself a change that is kept: nothing is lost.
    assert Version.objects.get_for_object(faq).count() == 3


def test_compare_lists_only_the_fields_that_changed(admin_client):
    benefit = BenefitFactory(title="Less pain", explanation="It may ease pain.")
    url = reverse("admin:education_benefit_change", args=[benefit.pk])
    data = {"title": "Less pain", "explanation": "It may ease pain.", "order": 1}
    admin_client.post(url, data | {"is_published": "on"})
    admin_client.post(url, data | {"explanation": "It may ease tight muscles.", "is_published": ""})
    first = Version.objects.get_for_object(benefit).order_by("pk").first()
    html = admin_client.get(
        reverse("admin:education_benefit_compare", args=[benefit.pk, first.pk])
    ).content.decode()
    assert '<th scope="row">Explanation</th>' in html
    assert '<th scope="row">Published</th>' in html
    assert '<th scope="row">Title</th>' not in html


def test_a_moderator_cannot_open_a_comparison(client, admin_client):
    faq = FAQFactory()
    admin_client.post(
        reverse("admin:education_faq_change", args=[faq.pk]), faq_form_data(faq, answer="<p>A.</p>")
    )
    version = Version.objects.get_for_object(faq).first()
    client.force_login(StaffUserFactory(username="no-rights"))
    response = client.get(reverse("admin:education_faq_compare", args=[faq.pk, version.pk]))
    assert response.status_code == 403


# --- Ordering and the change log --------------------------------------------------------


@pytest.mark.parametrize(
    "factory",
    [
        factories.FAQFactory,
        factories.BenefitFactory,
        factories.ConditionFactory,
        factories.PrecautionFactory,
        factories.AftercareTipFactory,
        factories.ArticleFactory,
    ],
)
def test_order_is_edited_in_the_changelist(admin_client, clinic, factory):
    obj = factory()
    opts = obj._meta
    html = admin_client.get(
        reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
    ).content.decode()
    assert f'name="form-0-order" value="{obj.order}"' in html


def test_reordering_benefits_in_the_changelist_changes_the_public_order(admin_client, client):
    first = BenefitFactory(title="Alpha benefit", order=1)
    second = BenefitFactory(title="Beta benefit", order=2)
    response = admin_client.post(
        reverse("admin:education_benefit_changelist"),
        {
            "form-TOTAL_FORMS": "2",
            "form-INITIAL_FORMS": "2",
            "form-0-id": first.pk,
            "form-0-order": "5",
            "form-0-is_published": "on",
            "form-1-id": second.pk,
            "form-1-order": "1",
            "form-1-is_published": "on",
            "_save": "Save",
        },
    )
    assert response.status_code == 302
    assert list(Benefit.objects.published().values_list("title", flat=True)) == [
        "Beta benefit",
        "Alpha benefit",
    ]
    html = client.get(reverse("education:benefits")).content.decode()
    assert html.index("Beta benefit") < html.index("Alpha benefit")


def test_admin_changes_are_logged_with_the_user(admin_client, superuser):
    faq = FAQFactory(clinical_state="unapproved")
    admin_client.post(
        reverse("admin:education_faq_change", args=[faq.pk]),
        faq_form_data(faq, answer="<p>Changed.</p>"),
    )
    entry = LogEntry.objects.get(object_id=str(faq.pk), content_type__model="faq")
    assert entry.user == superuser
    assert entry.action_flag == CHANGE
    log_page = admin_client.get(reverse("admin:admin_logentry_changelist")).content.decode()
    assert str(faq) in log_page
    assert FAQ.objects.get(pk=faq.pk).answer == "<p>Changed.</p>"
