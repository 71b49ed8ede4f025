"""The spam filter: spam out of the review list, learning from moderators' decisions."""

import io
import re

import numpy as np
import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.core.management import call_command
from django.urls import reverse

from comments import spam_filter
from comments.management.commands import spam_report
from comments.models import Comment, CommentSettings, SpamFilterState
from tests.comments.helpers import post_comment
from tests.factories import CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db

CHANGELIST = "admin:comments_comment_changelist"
# A campaign the shipped examples know nothing about: a competitor advertising.
CAMPAIGN = [
    "Come to Main Street Wellness for your IMS instead, our physios are cheaper and faster.",
    "Main Street Wellness does IMS for half the price, book with us instead.",
    "Main Street Wellness: IMS and dry needling without the wait, cheaper than this clinic.",
    "Skip the waiting list, Main Street Wellness has IMS openings this week at a lower price.",
]
NEXT_IN_CAMPAIGN = (
    "Why pay more? Main Street Wellness has IMS appointments today, cheaper than here."
)


@pytest.fixture
def moderator_client(client):
    user = StaffUserFactory(username="mod")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    client.force_login(user)
    return client


def run_action(client, action, comments, *, capture):
    data = {"action": action, "_selected_action": [c.pk for c in comments]}
    with capture(execute=True):
        response = client.post(reverse(CHANGELIST) + "?status=all", data)
    assert response.status_code == 302
    for comment in comments:
        comment.refresh_from_db()


def score(body, **fields):
    values = {"name": "Pat", "email": "pat@example.com", "website": ""} | fields
    return spam_filter.spam_score(body=body, **values)


# --- Sorting new comments ------------------------------------------------------------


def test_confident_spam_goes_to_the_spam_folder_with_its_score(client, article):
    post_comment(
        client,
        article,
        name="Rank Booster",
        body="We offer high authority guest posts and link building packages for your "
        "website, first page of Google fast. Visit https://rank-booster-seo.top",
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    [reason] = comment.reasons
    assert re.fullmatch(r"Looks like spam \(score \d+\)", reason)
    assert comment.spam_score >= CommentSettings.load().spam_threshold
    assert reason == f"Looks like spam (score {comment.spam_score})"


def test_spam_sent_to_the_folder_e_mails_no_moderator(
    client, article, django_capture_on_commit_callbacks
):
    user = StaffUserFactory(username="notified", email="moderator@example.com")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, body="Does it hurt?")
        post_comment(
            client,
            article,
            body="Cheap guest posts on high authority blogs, get your site ranked fast at "
            "https://rank-booster-seo.top",
        )
    assert [c.status for c in Comment.objects.order_by("pk")] == ["pending", "spam"]
    [notice] = mail.outbox
    assert "Does it hurt?" in notice.body


@pytest.mark.parametrize(
    "body",
    [
        "Thank you!",
        "Does it hurt?",
        "Is IMS covered by my extended health plan through work?",
        "I found your clinic on the BC physio website. Do you have Saturday appointments?",
    ],
)
def test_genuine_comments_are_still_reviewed(client, article, body):
    post_comment(client, article, body=body)
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert not any("spam" in reason for reason in comment.reasons)


def test_two_patients_who_both_write_thank_you_are_both_reviewed(client, article):
    post_comment(client, article, body="Thank you!")
    post_comment(client, article, body="Thank you!")
    assert list(Comment.objects.values_list("status", flat=True)) == ["pending", "pending"]


def test_one_sender_posting_the_same_text_again_goes_to_spam(client, article, comment_settings):
    comment_settings.repeat_interval_seconds = 0  # no wait between two comments
    comment_settings.save()
    post_comment(client, article, body="Thank you!", email="sam@example.com", ip="10.9.9.9")
    post_comment(client, article, body="Thank you!", email="other@example.com", ip="10.9.9.9")
    first, second = Comment.objects.order_by("pk")
    assert first.status == Comment.Status.PENDING
    assert second.status == Comment.Status.SPAM
    assert second.reasons == ["Same text as an earlier comment from the same sender"]


def test_staff_can_turn_the_filter_off(client, article, comment_settings):
    pitch = "Earn 5000 dollars every week with our automatic trading robot, join now"
    post_comment(client, article, body=pitch)
    assert Comment.objects.get().status == Comment.Status.SPAM
    comment_settings.spam_filter_on = False
    comment_settings.save()
    post_comment(client, article, body=pitch)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_a_higher_threshold_sends_less_to_spam(client, article, comment_settings):
    body = "Great post! Check it out: https://followers-cheap.buzz"
    comment_settings.spam_threshold = 100
    comment_settings.save()
    post_comment(client, article, body=body)
    assert score(body) < 100
    assert Comment.objects.get().status == Comment.Status.PENDING


# --- Learning from moderators ---------------------------------------------------------------


def test_marking_a_campaign_as_spam_keeps_its_next_comment_out(
    client, moderator_client, article, django_capture_on_commit_callbacks
):
    before = score(NEXT_IN_CAMPAIGN)
    assert before < CommentSettings.load().spam_threshold
    held = CommentFactory.create_batch(len(CAMPAIGN), article=article, status="pending")
    for comment, body in zip(held, CAMPAIGN, strict=True):
        Comment.objects.filter(pk=comment.pk).update(body=body, name="Main Street Wellness")
    run_action(moderator_client, "mark_spam", held, capture=django_capture_on_commit_callbacks)

    state = SpamFilterState.objects.get()
    assert state.decisions_learned == len(CAMPAIGN)
    assert {c.learned_as for c in held} == {"spam"}
    post_comment(client, article, body=NEXT_IN_CAMPAIGN, name="MSW Booking")
    assert Comment.objects.latest("pk").status == Comment.Status.SPAM
    # A patient's question about prices is still reviewed.
    post_comment(client, article, body="Is IMS at this clinic cheaper than a physio visit?")
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING
    assert score(NEXT_IN_CAMPAIGN) > before


def test_not_spam_fixes_a_wrong_call_and_teaches_the_filter(
    client, moderator_client, article, django_capture_on_commit_callbacks
):
    # Short praise is what spammers write most; the seed model gets this one wrong.
    praise = "Very informative article."
    post_comment(client, article, body=praise)
    caught = Comment.objects.get()
    assert caught.status == Comment.Status.SPAM
    run_action(
        moderator_client, "mark_not_spam", [caught], capture=django_capture_on_commit_callbacks
    )
    assert caught.status == Comment.Status.PENDING
    assert caught.learned_as == "ham"
    assert score(praise) < caught.spam_score
    post_comment(client, article, body=praise)
    assert Comment.objects.latest("pk").status == Comment.Status.PENDING


def test_approve_and_reject_both_teach_not_spam(
    moderator_client, article, django_capture_on_commit_callbacks
):
    approved, rejected = CommentFactory.create_batch(2, article=article, status="pending")
    run_action(moderator_client, "approve", [approved], capture=django_capture_on_commit_callbacks)
    run_action(moderator_client, "reject", [rejected], capture=django_capture_on_commit_callbacks)
    assert (approved.learned_as, rejected.learned_as) == ("ham", "ham")
    seed = spam_filter.seed_model()
    model = spam_filter.current_model()
    weight = spam_filter.DECISION_WEIGHT
    assert model.class_count[spam_filter.HAM] == seed.class_count[spam_filter.HAM] + 2 * weight
    assert model.class_count[spam_filter.SPAM] == seed.class_count[spam_filter.SPAM]


def test_a_changed_decision_moves_the_comment_to_the_other_side(
    moderator_client, article, django_capture_on_commit_callbacks
):
    comment = CommentFactory(article=article, status="pending", body=CAMPAIGN[0])
    run_action(moderator_client, "mark_spam", [comment], capture=django_capture_on_commit_callbacks)
    run_action(
        moderator_client, "mark_not_spam", [comment], capture=django_capture_on_commit_callbacks
    )
    seed, model = spam_filter.seed_model(), spam_filter.current_model()
    weight = spam_filter.DECISION_WEIGHT
    assert list(model.class_count) == [seed.class_count[0] + weight, seed.class_count[1]]
    assert spam_filter.learn([comment.pk]) == 0  # nothing left to learn


def test_clinic_replies_teach_nothing(article):
    reply = CommentFactory(article=article, is_staff_reply=True, spam_verdict="ham")
    assert spam_filter.learn([reply.pk]) == 0
    assert not SpamFilterState.objects.exists()


def test_storing_the_seed_model_changes_no_score():
    examples, _ = spam_filter.read_examples(spam_filter.EVAL_FILE)
    before = spam_filter.current_model().scores(examples[:40])
    call_command("train_spam_filter", stdout=io.StringIO())
    assert SpamFilterState.objects.get().decisions_learned == 0
    assert spam_filter.current_model() is not spam_filter.seed_model()
    assert spam_filter.current_model().scores(examples[:40]) == before


def test_reset_starts_again_from_the_examples_and_relearns_the_decisions(article):
    CommentFactory(article=article, status="spam", spam_verdict="spam", body=CAMPAIGN[0])
    out = io.StringIO()
    call_command("train_spam_filter", "--reset", stdout=out)
    state = SpamFilterState.objects.get()
    assert state.decisions_learned == 1
    assert "1 moderator decision" in out.getvalue()


# --- The stored model ------------------------------------------------------------------------


def test_stored_model_scores_exactly_like_the_one_it_was_made_from():
    seed = spam_filter.seed_model()
    examples, _ = spam_filter.read_examples(spam_filter.EVAL_FILE)
    loaded = spam_filter.Model.loads(seed.dumps())
    assert loaded.scores(examples[:50]) == seed.scores(examples[:50])


def test_fast_scoring_agrees_with_scikit_learns_own_prediction():
    model = spam_filter.seed_model()
    examples, _ = spam_filter.read_examples(spam_filter.EVAL_FILE)
    X = spam_filter.features(examples[:100])
    expected = model.classifier().predict_joint_log_proba(X)
    assert np.allclose(model.joint_log_likelihood(X), expected)


def test_a_stored_model_that_holds_code_is_refused_not_run():
    buffer = io.BytesIO()
    np.savez(
        buffer,
        columns=np.array([object()], dtype=object),
        counts=np.zeros((2, 1)),
        class_count=np.ones(2),
        n_features=np.array([spam_filter.N_FEATURES]),
    )
    with pytest.raises(ValueError, match="allow_pickle"):
        spam_filter.Model.loads(buffer.getvalue())


def test_an_unreadable_stored_model_falls_back_to_the_seed_model(client, article, caplog):
    SpamFilterState.objects.create(counts=b"not a model", revision="broken")
    post_comment(client, article, body="Does it hurt?")
    assert Comment.objects.get().status == Comment.Status.PENDING
    assert "could not be read" in caplog.text


# --- The figures -------------------------------------------------------------------------


def test_spam_report_meets_the_goals_on_the_held_out_set(article):
    out = io.StringIO()
    call_command("spam_report", "--check", stdout=out)
    printed = out.getvalue()
    kept_out = float(re.search(r"Spam kept out of the review list: ([\d.]+) %", printed)[1])
    to_spam = float(re.search(r"Genuine comments sent to spam: ([\d.]+) %", printed)[1])
    assert kept_out >= 90
    assert to_spam <= 1
    assert "Both goals met." in printed
    # Nothing the report posted is kept.
    assert not Comment.objects.exists()


def test_evaluation_comments_were_never_used_for_training():
    train = {row["body"] for row in spam_filter.read_rows(spam_filter.TRAIN_FILE)}
    evaluation = spam_filter.read_rows(spam_filter.EVAL_FILE)
    assert len(evaluation) >= 800
    assert not [row["body"] for row in evaluation if row["body"] in train]


def test_shipped_example_files_match_their_sentence_lists():
    from comments.spam_data import generate

    train, evaluation = generate.generate()
    assert spam_filter.read_rows(spam_filter.TRAIN_FILE) == train
    assert spam_filter.read_rows(spam_filter.EVAL_FILE) == evaluation


def test_report_figures_count_what_a_moderator_would_see():
    ham = {"label": "ham", "kind": "x"}
    spam = {"label": "spam", "kind": "x"}
    outcomes = [(spam, "spam"), (spam, "review"), (ham, "review"), (ham, "spam")]
    result = spam_report.figures(outcomes)
    assert result["spam_kept_out"] == 1
    assert result["ham_to_spam"] == 1
    assert result["spam_in_review_list"] == 1


# --- The admin ---------------------------------------------------------------------------


def settings_form_data(client):
    url = reverse("admin:comments_commentsettings_change", args=[1])
    client.get(reverse("admin:comments_commentsettings_changelist"))
    form = client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None}
    return url, {name: value for name, value in data.items() if value is not False}


def test_staff_set_the_spam_threshold_in_comment_settings(moderator_client):
    url, data = settings_form_data(moderator_client)
    page = moderator_client.get(url).content.decode()
    assert "Send to spam at this score or higher" in page
    assert "Nothing yet: it sorts with the example comments it shipped with" in page
    assert "Akismet key on the server: not set" in page
    moderator_client.post(url, {**data, "spam_threshold": 95})
    assert CommentSettings.load().spam_threshold == 95
    response = moderator_client.post(url, {**data, "spam_threshold": 20})
    assert response.status_code == 200  # refused: half the genuine comments would go
    assert CommentSettings.load().spam_threshold == 95


def test_moderators_see_the_score_of_a_comment_sent_to_spam(client, moderator_client, article):
    post_comment(
        client,
        article,
        body="Awesome content! We sell do-follow links from high authority blogs, "
        "order today at https://links-for-rank.top",
    )
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.SPAM
    queue = moderator_client.get(reverse(CHANGELIST) + "?status=spam").content.decode()
    assert f"Looks like spam (score {comment.spam_score})" in queue
    assert "Looks like spam" not in moderator_client.get(reverse(CHANGELIST)).content.decode()


def test_the_committed_seed_model_is_the_one_the_examples_build():
    """Workers load the committed seed file instead of training on a patient's first
    comment; it must be what the shipped examples build (`train_spam_filter --write-seed`)."""
    stored = spam_filter.seed_file()
    assert stored.exists(), "run manage.py train_spam_filter --write-seed"
    loaded = spam_filter.Model.loads(stored.read_bytes())
    trained = spam_filter.train_seed_model()
    assert np.array_equal(loaded.class_count, trained.class_count)
    assert np.allclose(loaded.feature_count, trained.feature_count)
