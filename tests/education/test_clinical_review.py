"""Clinical sign-off: nothing medical reaches patients without a clinician's approval."""

import csv
import datetime
import io
import json
import re

import pytest
import time_machine
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from education import services
from education.models import (
    FAQ,
    AftercareTip,
    Article,
    Benefit,
    ClinicalReview,
    Condition,
    CoverageTopic,
    EditorialSettings,
    GlossaryTerm,
    Precaution,
    RedFlag,
    SideEffect,
    SignOff,
    SitePage,
)
from education.roles import CLINIC_MANAGER, CLINICAL_REVIEWER, CONTENT_EDITOR
from education.workflow import ClinicalState, reviewed_models
from tests.factories import (
    ArticleFactory,
    FAQFactory,
    ReviewerFactory,
    StaffUserFactory,
)

pytestmark = pytest.mark.django_db


def staff(username, group):
    user = StaffUserFactory(username=username)
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def editor(db):
    return staff("edith", CONTENT_EDITOR)


@pytest.fixture
def reviewer(db):
    user = staff("rosa", CLINICAL_REVIEWER)
    ReviewerFactory(
        name="Rosa Reviewer",
        credentials="Registered Physiotherapist, CGIMS",
        registration_number="PT-01234",
        college="College of Health and Care Professionals of BC",
        user=user,
    )
    return user


@pytest.fixture
def manager(db):
    return staff("manny", CLINIC_MANAGER)


def draft_article(editor, **fields):
    article = ArticleFactory(clinical_state="unapproved", **fields)
    services.review_save_change(obj=article, values=article.clinical_values(), user=editor)
    return article


def reload(obj):
    return type(obj).objects.get(pk=obj.pk)


def page_text(html):
    """The page as read, without tags (the reviewer's name links to their profile)."""
    return re.sub(r"<[^>]+>", "", html)


def public_html(client, article):
    response = client.get(article.get_absolute_url())
    return response.status_code, response.content.decode()


def test_every_kind_of_medical_content_goes_through_the_workflow():
    assert set(reviewed_models()) == {
        Article,
        FAQ,
        Precaution,
        AftercareTip,
        Benefit,
        Condition,
        SitePage,
        GlossaryTerm,
        RedFlag,
        SideEffect,
        CoverageTopic,
    }


def test_an_article_moves_from_draft_to_review_to_approved_and_only_then_goes_live(
    client, clinic, editor, reviewer
):
    article = draft_article(editor, title="Needles and nerves")
    assert public_html(client, article)[0] == 404

    services.review_submit(obj=article, user=editor)
    assert services.review_for(article).state == ClinicalReview.State.IN_REVIEW
    assert public_html(client, article)[0] == 404

    approval = services.review_approve(obj=article, user=reviewer, note="Accurate.")
    article = reload(article)
    assert article.clinical_state == ClinicalState.APPROVED
    assert article.current_approval == approval
    assert services.review_for(article).state == ClinicalReview.State.APPROVED
    status, html = public_html(client, article)
    assert status == 200
    assert "Reviewed by Rosa Reviewer, Registered Physiotherapist, CGIMS" in page_text(html)
    assert "registration PT-01234, College of Health and Care Professionals of BC" in html


def test_a_reviewer_can_send_an_item_back_with_a_note_and_it_is_unlocked(editor, reviewer):
    article = draft_article(editor)
    services.review_submit(obj=article, user=editor)
    with pytest.raises(services.SignOffRefused):
        services.review_request_changes(obj=article, user=reviewer, note="  ")

    services.review_request_changes(obj=article, user=reviewer, note="Give the side-effect rates.")

    review = services.review_for(article)
    assert review.state == ClinicalReview.State.CHANGES_REQUESTED
    assert review.note == "Give the side-effect rates."
    assert not review.is_locked
    assert reload(article).clinical_state == ClinicalState.UNAPPROVED
    record = SignOff.objects.get(action=SignOff.Action.CHANGES_REQUESTED)
    assert record.note == "Give the side-effect rates." and record.reviewer_name == "Rosa Reviewer"


def test_the_person_who_changed_the_text_cannot_approve_it(reviewer):
    article = draft_article(reviewer)
    services.review_submit(obj=article, user=reviewer)

    with pytest.raises(services.SignOffRefused, match="four eyes"):
        services.review_approve(obj=article, user=reviewer)

    assert reload(article).clinical_state == ClinicalState.UNAPPROVED
    assert not SignOff.objects.exists()


def test_a_single_clinician_clinic_may_approve_its_own_change_and_the_record_says_so(reviewer):
    EditorialSettings.objects.create(single_clinician=True)
    article = draft_article(reviewer)
    services.review_submit(obj=article, user=reviewer)

    approval = services.review_approve(obj=article, user=reviewer)

    assert approval.single_clinician is True
    assert reload(article).clinical_state == ClinicalState.APPROVED


def test_an_editor_cannot_approve_at_all(editor):
    other = staff("otto", CONTENT_EDITOR)
    article = draft_article(other)
    services.review_submit(obj=article, user=other)
    with pytest.raises(services.SignOffRefused, match="Only a clinical reviewer"):
        services.review_approve(obj=article, user=editor)


def test_an_approval_keeps_who_when_which_version_and_the_texts_fingerprint(editor, reviewer):
    article = draft_article(editor, body="<p>First text.</p>")
    services.review_submit(obj=article, user=editor)

    approval = services.review_approve(obj=article, user=reviewer, note="Checked the rates.")

    assert approval.user == reviewer
    assert approval.version.field_dict["body"] == "<p>First text.</p>"
    assert approval.version.object_id == str(article.pk)
    assert len(approval.text_hash) == 64
    assert approval.reviewer_registration.startswith("registration PT-01234")


def admin_edit_data(article, **changes):
    data = {
        "title": article.title,
        "slug": article.slug,
        "summary": article.summary,
        "body": article.body,
        "status": article.status,
        "published_at_0": timezone.localtime(article.published_at).strftime("%Y-%m-%d"),
        "published_at_1": timezone.localtime(article.published_at).strftime("%H:%M:%S"),
        "author_name": article.author_name,
        "order": article.order,
        "next_review_due": "",
        "allow_comments": "on",
    }
    return data | changes


def test_an_edit_to_a_live_article_waits_until_it_is_approved(client, clinic, editor, reviewer):
    article = ArticleFactory(body="<p>Approved wording.</p>")
    client.force_login(editor)
    response = client.post(
        reverse("admin:education_article_change", args=[article.pk]),
        admin_edit_data(article, body="<p>New wording.</p>"),
    )
    assert response.status_code == 302

    assert reload(article).body == "<p>Approved wording.</p>"
    assert services.review_for(article).pending_data["body"] == "<p>New wording.</p>"
    client.logout()
    assert "Approved wording." in public_html(client, article)[1]
    assert "New wording." not in public_html(client, article)[1]

    client.force_login(editor)
    preview = client.get(article.get_absolute_url() + "?version=pending").content.decode()
    assert "New wording." in preview and "waiting for clinical approval" in preview
    form = client.get(reverse("admin:education_article_change", args=[article.pk]))
    assert form.context["adminform"].form["body"].value() == "<p>New wording.</p>"

    services.review_submit(obj=article, user=editor)
    client.force_login(reviewer)
    page = client.get(reverse("admin:education_article_review", args=[article.pk]))
    compare = page.content.decode()
    assert (
        '<del class="diff-removed">Approved</del> <ins class="diff-added">New</ins> wording.'
        in compare
    )
    client.post(
        reverse("admin:education_article_review", args=[article.pk]), {"decision": "approve"}
    )
    client.logout()

    assert reload(article).body == "<p>New wording.</p>"
    assert "New wording." in public_html(client, article)[1]


def test_an_item_in_review_is_locked_with_who_and_since_when(client, editor):
    article = draft_article(editor)
    with time_machine.travel(datetime.datetime(2026, 5, 4, 9, 30, tzinfo=datetime.UTC)):
        services.review_submit(obj=article, user=editor)
    other = staff("otto", CONTENT_EDITOR)
    client.force_login(other)
    url = reverse("admin:education_article_change", args=[article.pk])

    html = client.get(url).content.decode()
    assert "Locked for editing: in clinical review since 4 May 2026" in html
    assert "sent by edith" in html
    assert client.post(url, admin_edit_data(article, title="Changed")).status_code == 403
    assert reload(article).title == article.title


def test_saving_after_someone_else_saved_gives_a_soft_warning(client, clinic):
    article = ArticleFactory(clinical_state="unapproved")
    first, second = staff("ann", CONTENT_EDITOR), staff("ben", CONTENT_EDITOR)
    url = reverse("admin:education_article_change", args=[article.pk])
    client.force_login(first)
    client.post(url, admin_edit_data(article, title="Ann's title"))
    opened = client.get(url).context["opened_version"]

    client.force_login(second)
    client.post(url, admin_edit_data(reload(article), title="Ben's title"))

    client.force_login(first)
    response = client.post(
        url,
        admin_edit_data(reload(article), title="Ann again") | {"_opened_version": opened},
        follow=True,
    )
    messages = [str(message) for message in response.context["messages"]]
    assert any("ben saved" in message and "after you opened it" in message for message in messages)
    assert reload(article).title == "Ann again"  # soft: the save went ahead


def test_a_scheduled_article_without_approval_does_not_go_live_at_its_time(client, clinic):
    now = timezone.now()
    article = ArticleFactory(
        clinical_state="unapproved", published_at=now + datetime.timedelta(hours=1)
    )
    with time_machine.travel(now + datetime.timedelta(hours=2)):
        assert public_html(client, article)[0] == 404
        assert article not in Article.objects.published()


def test_a_scheduled_article_that_is_approved_goes_live_at_its_time(client, clinic):
    now = timezone.now()
    article = ArticleFactory(published_at=now + datetime.timedelta(hours=1))
    assert public_html(client, article)[0] == 404
    with time_machine.travel(now + datetime.timedelta(hours=2)):
        assert public_html(client, article)[0] == 200


def test_the_override_publishes_with_a_reason_and_says_awaiting_clinical_review(
    client, clinic, editor, manager, reviewer
):
    article = draft_article(editor, title="Urgent safety notice")
    with pytest.raises(services.SignOffRefused, match="why"):
        services.review_override(obj=article, user=manager, reason="")
    with pytest.raises(services.SignOffRefused, match="clinic manager"):
        services.review_override(obj=article, user=editor, reason="Now")

    services.review_override(obj=article, user=manager, reason="Product recall today.")

    status, html = public_html(client, article)
    assert status == 200
    assert "Awaiting clinical review." in html
    assert "Reviewed by" not in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    assert "reviewedBy" not in json.dumps(data)
    record = SignOff.objects.get(action=SignOff.Action.OVERRIDE)
    assert record.note == "Product recall today." and record.user == manager

    client.force_login(manager)
    home = client.get(reverse("admin:index")).content.decode()
    assert "Published under override, awaiting clinical review" in home
    assert "Urgent safety notice" in home.split('id="under-override"')[1].split("</table>")[0]

    client.force_login(reviewer)
    waiting = client.get(reverse("admin:index")).content.decode()
    assert "Urgent safety notice" in waiting.split('id="waiting-for-my-review"')[1]
    services.review_approve(obj=reload(article), user=reviewer)
    client.logout()
    assert "Reviewed by Rosa Reviewer" in page_text(public_html(client, article)[1])


def test_periodic_review_with_no_change_approves_the_same_text_again(editor, reviewer):
    article = ArticleFactory(body="<p>Still right.</p>")
    with time_machine.travel(timezone.now() + datetime.timedelta(days=400)):
        approval = services.review_confirm(obj=article, user=reviewer, note="Checked again.")
        article = reload(article)
        assert approval.action == SignOff.Action.CONFIRMED
        assert article.current_approval == approval
        assert article.last_reviewed == timezone.localdate()
        assert article.next_review_due > timezone.localdate() + datetime.timedelta(days=300)
        assert article.body == "<p>Still right.</p>"


def test_periodic_review_needing_changes_sends_it_back_but_keeps_it_live(client, clinic, reviewer):
    article = ArticleFactory()
    services.review_request_changes(obj=article, user=reviewer, note="Update the research.")
    assert services.review_for(article).state == ClinicalReview.State.CHANGES_REQUESTED
    assert public_html(client, article)[0] == 200


def test_the_periodic_review_action_in_the_article_list(client, reviewer):
    article = ArticleFactory()
    client.force_login(reviewer)
    client.post(
        reverse("admin:education_article_changelist"),
        {"action": "confirm_reviewed", "_selected_action": [article.pk]},
    )
    assert reload(article).current_approval.action == SignOff.Action.CONFIRMED


def test_the_review_line_and_json_ld_come_only_from_the_approval_record(client, clinic):
    article = ArticleFactory(reviewer__name="Typed By Hand")
    SignOff.objects.filter(pk=article.current_approval_id).update(
        reviewer_name="From The Record", created_at=timezone.now() - datetime.timedelta(days=3)
    )
    html = public_html(client, article)[1]
    assert "From The Record" in html and "Typed By Hand" not in html
    data = json.loads(html.split('<script type="application/ld+json">')[1].split("</script>")[0])
    page = data if data.get("@type") == "MedicalWebPage" else data
    assert page["reviewedBy"]["name"] == "From The Record"
    assert page["lastReviewed"] == (timezone.localdate() - datetime.timedelta(days=3)).isoformat()


def test_the_admin_form_has_no_hand_typed_reviewer_or_date(admin_client):
    article = ArticleFactory()
    form = admin_client.get(reverse("admin:education_article_change", args=[article.pk]))
    fields = form.context["adminform"].form.fields
    assert "reviewer" not in fields and "last_reviewed" not in fields
    page = SitePage.objects.create(key="faq", title="FAQ", meta_description="Answers.")
    form = admin_client.get(reverse("admin:education_sitepage_change", args=[page.pk]))
    assert "last_reviewed" not in form.context["adminform"].form.fields


def test_text_changed_outside_the_workflow_is_taken_off_the_site(client, clinic):
    faq = FAQFactory(question="Does it hurt?")
    faq.question = "Changed in a shell?"
    faq.save()
    assert reload(faq).clinical_state == ClinicalState.UNAPPROVED
    assert "Changed in a shell?" not in client.get(reverse("education:faq")).content.decode()


def test_order_and_publishing_changes_need_no_new_approval(admin_client, clinic):
    faq = FAQFactory()
    faq.order = 7
    faq.save()
    assert reload(faq).clinical_state == ClinicalState.APPROVED


def test_the_record_is_on_the_history_page_and_in_the_admin_list(admin_client, editor, reviewer):
    article = draft_article(editor, title="Recorded article")
    services.review_submit(obj=article, user=editor)
    services.review_approve(obj=article, user=reviewer, note="Looks right.")

    history = admin_client.get(reverse("admin:education_article_history", args=[article.pk]))
    assert "Clinical sign-off record" in history.content.decode()
    assert "Looks right." in history.content.decode()
    listing = admin_client.get(reverse("admin:education_signoff_changelist")).content.decode()
    assert "Recorded article" in listing and "Export as CSV" in listing


def test_the_record_exports_as_csv_for_the_college(admin_client, editor, reviewer):
    article = draft_article(editor, title="Exported article")
    services.review_submit(obj=article, user=editor)
    approval = services.review_approve(obj=article, user=reviewer, note="Fine, with a source.")

    response = admin_client.get(reverse("admin:education_signoff_export"))

    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    [row] = [row for row in rows if row["Item"] == "Exported article"]
    assert row["Action"] == "Approved"
    assert row["Clinician"] == "Rosa Reviewer"
    assert row["Registration"].startswith("registration PT-01234")
    assert row["Version id"] == str(approval.version_id)
    assert row["Note"] == "Fine, with a source."
    assert row["Login"] == "rosa"


def test_reviewers_hear_when_something_waits_and_editors_when_it_is_decided(
    editor, reviewer, django_capture_on_commit_callbacks
):
    editor.email, reviewer.email = "edith@example.com", "rosa@example.com"
    editor.save(), reviewer.save()
    article = draft_article(editor, title="Mail article")
    with django_capture_on_commit_callbacks(execute=True):
        services.review_submit(obj=article, user=editor)
    [waiting] = mail.outbox
    assert waiting.to == ["rosa@example.com"]
    assert waiting.subject == "Waiting for your clinical review: Mail article"
    assert f"/admin/education/article/{article.pk}/clinical-review/" in waiting.body

    with django_capture_on_commit_callbacks(execute=True):
        services.review_request_changes(obj=article, user=reviewer, note="Add the rates.")
    sent_back = mail.outbox[1]
    assert sent_back.to == ["edith@example.com"]
    assert "Add the rates." in sent_back.body


def test_dashboard_lists_changes_requested_and_approved_not_yet_live(client, editor, reviewer):
    sent_back = draft_article(editor, title="Sent back article")
    services.review_submit(obj=sent_back, user=editor)
    services.review_request_changes(obj=sent_back, user=reviewer, note="Shorter, please.")
    ArticleFactory(title="Approved draft article", status=Article.Status.DRAFT)
    client.force_login(editor)
    home = client.get(reverse("admin:index")).content.decode()
    assert "Sent back article" in home.split('id="changes-requested"')[1].split("</table>")[0]
    assert "Approved draft article" in home.split('id="approved-not-live"')[1].split("</table>")[0]
    assert 'id="waiting-for-my-review"' not in home  # editors review nothing


def test_the_review_page_refuses_an_editor_who_tries_to_approve(client, editor):
    article = draft_article(staff("otto", CONTENT_EDITOR))
    services.review_submit(obj=article, user=editor)
    client.force_login(editor)
    url = reverse("admin:education_article_review", args=[article.pk])
    assert "Approve" not in client.get(url).content.decode()
    assert client.post(url, {"decision": "approve"}).status_code == 403


def test_a_refused_override_keeps_what_the_manager_typed(client, manager):
    article = draft_article(manager)
    client.force_login(manager)
    url = reverse("admin:education_article_review", args=[article.pk])
    EditorialSettings.objects.create()
    response = client.post(url, {"decision": "override", "note": "   "})
    assert response.status_code == 200
    assert "Please write why" in response.content.decode()
