"""The moderation policy, rule by rule (comments/moderation.py)."""

import datetime

import pytest
from django.utils import timezone

from comments import moderation
from comments.models import Comment, CommentSettings
from tests.factories import ArticleFactory, CommentFactory

pytestmark = pytest.mark.django_db


def decide(settings=None, **overrides):
    values = {
        "name": "Jamie Rivera",
        "email": "jamie@example.com",
        "website": "",
        "body": "Does the soreness after IMS usually last a day or two?",
    }
    values.update(overrides)
    return moderation.decide(**values, settings=settings or CommentSettings())


def refused_code(callable_, *args, **kwargs):
    with pytest.raises(moderation.Refused) as refused:
        callable_(*args, **kwargs)
    return refused.value.code


# --- Refused outright ---------------------------------------------------------------


def test_filled_honeypot_is_refused():
    assert refused_code(moderation.check_honeypot, "http://spam.example") == "honeypot"
    moderation.check_honeypot("")


def test_form_token_round_trips_for_its_own_article():
    token = moderation.make_form_token(7)
    read = moderation.read_form_token(token, 7)
    assert read.article_id == 7
    assert abs((timezone.now() - read.issued_at).total_seconds()) < 5


@pytest.mark.parametrize(
    "token",
    ["", "garbage", "eyJhIjo3fQ:1abc:forged-signature", None],
)
def test_forged_or_missing_form_token_is_refused(token):
    assert refused_code(moderation.read_form_token, token, 7) == "forged"


def test_token_with_an_altered_timestamp_is_refused():
    token = moderation.make_form_token(7)
    payload, _, signature = token.partition(":")
    tampered = payload[:-2] + ("AA" if payload[-2:] != "AA" else "BB") + ":" + signature
    assert refused_code(moderation.read_form_token, tampered, 7) == "forged"


def test_token_from_another_article_is_refused():
    token = moderation.make_form_token(7)
    assert refused_code(moderation.read_form_token, token, 8) == "forged"


def test_form_sent_under_three_seconds_after_it_was_shown_is_refused():
    settings = CommentSettings()
    now = timezone.now()
    shown = now - datetime.timedelta(seconds=2)
    assert refused_code(moderation.check_timing, shown, settings=settings, now=now) == "too_fast"
    moderation.check_timing(now - datetime.timedelta(seconds=4), settings=settings, now=now)


def test_form_sent_over_two_hours_after_it_was_shown_is_refused():
    settings = CommentSettings()
    now = timezone.now()
    shown = now - datetime.timedelta(hours=2, seconds=1)
    assert refused_code(moderation.check_timing, shown, settings=settings, now=now) == "expired"
    moderation.check_timing(now - datetime.timedelta(minutes=119), settings=settings, now=now)


def test_minimum_time_can_be_turned_off_by_staff():
    settings = CommentSettings(min_seconds_to_submit=0)
    now = timezone.now()
    moderation.check_timing(now, settings=settings, now=now)


def test_second_comment_within_fifteen_seconds_from_the_same_address_is_refused():
    CommentFactory(ip_hash="abc", created_at=timezone.now() - datetime.timedelta(seconds=10))
    code = refused_code(
        moderation.check_flood, ip_hash="abc", email="other@example.com", settings=CommentSettings()
    )
    assert code == "too_soon"


def test_second_comment_within_fifteen_seconds_from_the_same_email_is_refused():
    CommentFactory(email="same@example.com", created_at=timezone.now())
    code = refused_code(
        moderation.check_flood,
        ip_hash="another-address",
        email="same@example.com",
        settings=CommentSettings(),
    )
    assert code == "too_soon"


def test_comment_after_the_interval_is_not_refused():
    CommentFactory(ip_hash="abc", created_at=timezone.now() - datetime.timedelta(seconds=16))
    moderation.check_flood(ip_hash="abc", email="other@example.com", settings=CommentSettings())


def test_more_than_the_hourly_limit_from_one_address_is_refused():
    settings = CommentSettings(max_per_hour=3)
    for minutes in (50, 30, 10):
        CommentFactory(
            ip_hash="abc", created_at=timezone.now() - datetime.timedelta(minutes=minutes)
        )
    code = refused_code(
        moderation.check_flood, ip_hash="abc", email="x@example.com", settings=settings
    )
    assert code == "too_many"


def test_comments_older_than_an_hour_do_not_count_towards_the_limit():
    settings = CommentSettings(max_per_hour=3)
    for minutes in (90, 70, 10):
        CommentFactory(
            ip_hash="abc", created_at=timezone.now() - datetime.timedelta(minutes=minutes)
        )
    moderation.check_flood(ip_hash="abc", email="x@example.com", settings=settings)


# --- Marked as spam -------------------------------------------------------------------


def test_word_from_the_block_list_marks_a_comment_as_spam():
    result = decide(body="Cheap VIAGRA here")
    assert result.status == Comment.Status.SPAM
    assert result.reasons == ['Contains "viagra" from the block list']


def test_block_list_is_checked_in_the_website_and_name_too():
    assert decide(website="https://casino.example/").status == Comment.Status.SPAM
    assert decide(name="Forex Trader").status == Comment.Status.SPAM


def test_block_list_matches_whole_words_only():
    # "pornography" is not "porn"; "escorted" is not "escort".
    result = decide(body="My partner escorted me to the appointment.")
    assert result.status == Comment.Status.PENDING


def test_same_text_again_from_the_same_email_is_spam():
    CommentFactory(body="Great article, thanks!", email="jamie@example.com")
    result = decide(body="  great article, thanks!  ")
    assert result.status == Comment.Status.SPAM
    assert result.reasons == [moderation.DUPLICATE]


def test_same_text_again_from_the_same_network_address_is_spam():
    CommentFactory(body="Great article, thanks!", ip_hash="abc123")
    values = {"body": "Great article, thanks!", "email": "other@example.com"}
    result = moderation.decide(
        name="X", website="", settings=CommentSettings(), ip_hash="abc123", **values
    )
    assert result.reasons == [moderation.DUPLICATE]


def test_a_second_patients_thank_you_is_not_spam():
    CommentFactory(body="Thank you!", email="first@example.com", ip_hash="aaa")
    result = moderation.decide(
        name="Priya",
        email="second@example.com",
        website="",
        body="Thank you!",
        settings=CommentSettings(),
        ip_hash="bbb",
    )
    assert result.status == Comment.Status.PENDING
    assert moderation.DUPLICATE not in result.reasons


def test_same_text_from_the_same_sender_weeks_later_is_reviewed_again():
    CommentFactory(
        body="Thanks again!",
        email="jamie@example.com",
        created_at=timezone.now() - moderation.DUPLICATE_WINDOW - datetime.timedelta(hours=1),
    )
    assert decide(body="Thanks again!").status == Comment.Status.PENDING


def test_staff_edit_the_block_list():
    settings = CommentSettings(blocked_words="cheap needles\n")
    assert decide(body="Buy cheap  needles online", settings=settings).status == "spam"
    assert decide(body="Cheap VIAGRA", settings=settings).status == "pending"


# --- Held for review ------------------------------------------------------------------


def test_first_time_commenter_is_held_for_moderation():
    result = decide()
    assert result.status == Comment.Status.PENDING
    assert moderation.FIRST_TIME in result.reasons


def test_returning_commenter_is_still_held_by_default():
    CommentFactory(email="jamie@example.com")
    result = decide()
    assert result.status == Comment.Status.PENDING
    assert result.reasons == [moderation.ALWAYS_REVIEWED]


def test_two_links_hold_a_comment():
    result = decide(body="See https://a.example and www.b.example for more.")
    assert "Contains 2 links" in result.reasons
    assert not any("links" in reason for reason in decide(body="See https://a.example").reasons)


def test_word_from_the_moderation_list_holds_a_comment():
    result = decide(body="Is there a guarantee this will work?")
    assert 'Contains "guarantee" from the review list' in result.reasons


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        ("Call me at 604-555-0199 please", moderation.PHONE_NUMBER),
        ("My number is (778) 555 0123.", moderation.PHONE_NUMBER),
        ("I was born on 12/03/1985 and have back pain", moderation.BIRTH_DATE),
        ("DOB 1985-03-12", moderation.BIRTH_DATE),
        ("My birthday is March 3, 1985", moderation.BIRTH_DATE),
        ("My PHN is 9123 456 789", moderation.HEALTH_CARD),
        ("Here is my health card number, can you check?", moderation.HEALTH_CARD),
    ],
)
def test_text_that_looks_like_health_details_is_held(body, reason):
    assert reason in decide(body=body).reasons


def test_ordinary_numbers_are_not_mistaken_for_health_details():
    result = decide(body="I had 3 sessions in 2024 and my pain went from 8 to 2 out of 10.")
    for reason in (moderation.PHONE_NUMBER, moderation.BIRTH_DATE, moderation.HEALTH_CARD):
        assert reason not in result.reasons


# --- Approved automatically -------------------------------------------------------------


def test_returning_commenter_is_approved_when_staff_turn_it_on():
    CommentFactory(email="jamie@example.com")
    settings = CommentSettings(auto_approve_returning=True)
    result = decide(settings=settings)
    assert result.status == Comment.Status.APPROVED
    assert result.decision == Comment.Decision.APPROVED


def test_auto_approval_never_skips_a_hold_reason():
    CommentFactory(email="jamie@example.com")
    settings = CommentSettings(auto_approve_returning=True)
    result = decide(body="Call me on 604-555-0199", settings=settings)
    assert result.status == Comment.Status.PENDING
    assert result.reasons == [moderation.PHONE_NUMBER]


def test_first_time_commenter_is_held_even_with_auto_approval_on():
    settings = CommentSettings(auto_approve_returning=True)
    assert decide(settings=settings).status == Comment.Status.PENDING


def test_a_rejected_earlier_comment_does_not_count_as_approved():
    CommentFactory(email="jamie@example.com", status=Comment.Status.REJECTED)
    settings = CommentSettings(auto_approve_returning=True)
    assert decide(settings=settings).status == Comment.Status.PENDING


# --- Closing ------------------------------------------------------------------------------


def test_comments_close_when_staff_turn_them_off(clinic):
    article = ArticleFactory(allow_comments=False)
    assert not moderation.comments_open(article, settings=CommentSettings())


def test_comments_close_automatically_after_the_set_number_of_days(clinic):
    article = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=31))
    assert moderation.comments_open(article, settings=CommentSettings(close_after_days=0))
    assert not moderation.comments_open(article, settings=CommentSettings(close_after_days=30))
    assert moderation.comments_open(article, settings=CommentSettings(close_after_days=32))
