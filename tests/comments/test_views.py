"""What a patient sees and does under an article."""

import datetime
import re

import pytest
from django.test import Client
from django.urls import URLPattern, reverse
from django.utils import timezone

from comments import services
from comments.models import Comment, CommentSettings
from comments.moderation import read_form_token
from education import urls as education_urls
from education.models import Article
from tests.comments.helpers import form_data, post_comment
from tests.factories import ArticleFactory, CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


def comments_section(response):
    html = response.content.decode()
    start = html.index('<section id="comments"')
    return html[start : html.index("</section>", start)]


def test_article_page_shows_the_reply_form_with_warning_and_privacy_notice(client, article):
    html = comments_section(client.get(article.get_absolute_url()))
    assert "Leave a reply" in html
    assert "Please do not post personal health details" in html
    assert "cannot give individual medical advice" in html
    for field in ("name", "email", "website", "body", "consent"):
        assert f'name="{field}"' in html
    assert 'maxlength="3000"' in html
    assert "Your name and comment are public" in html
    assert "e-mail address is never shown" in html
    assert "deleted after 30 days" in html
    assert "front-desk@example.com" in html  # whom to contact to have a comment removed


def test_valid_comment_redirects_back_with_the_awaiting_review_message(client, article):
    response = post_comment(client, article, body="Is IMS the same as acupuncture?")
    assert response.status_code == 302
    assert response.url == article.get_absolute_url()
    page = client.get(response.url)
    assert "will appear after a staff member reviews it" in page.content.decode()
    comment = Comment.objects.get()
    assert comment.status == Comment.Status.PENDING
    assert "Is IMS the same as acupuncture?" not in comments_section(page)


def test_pending_rejected_and_spam_comments_are_invisible_to_the_public(client, article):
    for status in ("pending", "rejected", "spam"):
        CommentFactory(article=article, status=status, body=f"Hidden {status} text")
    CommentFactory(article=article, body="Visible approved text")
    html = client.get(article.get_absolute_url()).content.decode()
    assert "Visible approved text" in html
    assert "Hidden" not in html
    assert "1 comment<" in html


def test_approved_comments_appear_oldest_first(client, article):
    now = timezone.now()
    CommentFactory(article=article, body="Second", created_at=now - datetime.timedelta(hours=1))
    CommentFactory(article=article, body="First", created_at=now - datetime.timedelta(hours=2))
    html = comments_section(client.get(article.get_absolute_url()))
    assert html.index("First") < html.index("Second")
    assert "2 comments" in html


def test_comments_are_paginated(client, article, comment_settings):
    comment_settings.comments_per_page = 5
    comment_settings.save()
    now = timezone.now()
    for n in range(7):
        CommentFactory(
            article=article,
            body=f"Comment body {n}.",
            created_at=now - datetime.timedelta(minutes=60 - n),
        )
    first = comments_section(client.get(article.get_absolute_url()))
    assert "Comment body 4." in first and "Comment body 5." not in first
    assert "Page 1 of 2" in first
    second = comments_section(client.get(article.get_absolute_url() + "?comments_page=2"))
    assert "Comment body 5." in second and "Comment body 0." not in second


def test_invalid_submission_keeps_every_typed_value_and_explains_each_field(client, article):
    response = post_comment(
        client,
        article,
        name="Sam Lee",
        email="not-an-email",
        website="javascript:alert(1)",
        body="My long question about needles",
        consent="",
    )
    assert response.status_code == 200
    html = comments_section(response)
    assert 'value="Sam Lee"' in html
    assert 'value="not-an-email"' in html
    assert "My long question about needles</textarea>" in html
    assert "Please enter an e-mail address like name@example.com." in html
    assert "starts with http:// or https://" in html
    assert "Please tick this box to agree" in html
    assert Comment.objects.count() == 0


def test_missing_fields_get_a_message_each(client, article):
    response = client.post(reverse("comments:post", kwargs={"slug": article.slug}), {})
    assert response.status_code == 200
    html = comments_section(response)
    assert "Please enter your name" in html
    assert "Please write your comment" in html


def test_comment_over_3000_characters_is_refused_with_its_text_kept(client, article):
    response = post_comment(client, article, body="a" * 3001)
    assert response.status_code == 200
    html = comments_section(response)
    assert "Please shorten your comment to 3,000 characters or fewer (it has 3001)" in html
    assert "a" * 3001 in html


def test_nul_bytes_get_a_clear_message(client, article):
    response = post_comment(client, article, name="Sam\x00", body="Hello\x00there")
    assert response.status_code == 200
    assert "Please remove the invisible characters" in comments_section(response)


def test_invalid_utf8_never_causes_a_server_error(client, article):
    url = reverse("comments:post", kwargs={"slug": article.slug})
    body = b"name=\xff\xfe&email=a%40example.com&body=\xc3\x28&consent=on"
    response = client.post(url, body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert "Your comment is not sent yet" in comments_section(response)
    assert Comment.objects.count() == 0


def test_oversized_request_body_gets_content_too_large_not_a_server_error(client, article):
    url = reverse("comments:post", kwargs={"slug": article.slug})
    response = client.post(url, form_data(article, body="x" * 3_000_000))
    assert response.status_code == 413
    assert "A comment can be up to 3,000 characters" in response.content.decode()


def test_huge_headers_never_cause_a_server_error(client, article):
    response = post_comment(client, article, user_agent="A" * 100_000)
    assert response.status_code == 302
    assert len(Comment.objects.get().user_agent) == 500


def test_forged_form_token_gets_a_clear_error_and_a_fresh_token(client, article):
    response = post_comment(client, article, form_token="made-up")
    assert response.status_code == 400
    html = comments_section(response)
    assert "This form could not be checked" in html
    assert "made-up" not in html
    assert Comment.objects.count() == 0
    # The fresh token lets the patient send the same text again.
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    data = form_data(article)
    data["form_token"] = token
    CommentSettings(min_seconds_to_submit=0).save()
    resent = client.post(reverse("comments:post", kwargs={"slug": article.slug}), data)
    assert resent.status_code == 302


def test_replayed_form_is_stored_only_once(client, article):
    data = form_data(article)
    url = reverse("comments:post", kwargs={"slug": article.slug})
    assert client.post(url, data, REMOTE_ADDR="10.9.0.1").status_code == 302
    replay = client.post(url, data, REMOTE_ADDR="10.9.0.2", follow=True)
    assert "We already have this comment" in replay.content.decode()
    assert Comment.objects.count() == 1


def test_form_sent_too_quickly_is_refused_and_keeps_the_text(client, article):
    response = post_comment(client, article, seconds_ago=0, body="Typed very fast")
    assert response.status_code == 200
    html = comments_section(response)
    assert "That was very quick" in html
    assert "Typed very fast</textarea>" in html
    assert Comment.objects.count() == 0


def test_filled_honeypot_is_refused(client, article):
    response = post_comment(client, article, subject="Buy now")
    assert response.status_code == 400
    assert Comment.objects.count() == 0


def test_flooding_from_one_address_is_refused_with_the_text_kept(client, article):
    assert post_comment(client, article, ip="10.8.0.1").status_code == 302
    response = post_comment(client, article, ip="10.8.0.1", body="Second thought")
    assert response.status_code == 429
    assert "Please wait a moment" in comments_section(response)
    assert "Second thought</textarea>" in comments_section(response)
    assert Comment.objects.count() == 1


def test_comment_text_is_escaped_with_line_breaks_kept(client, article):
    CommentFactory(article=article, body="First line <b>bold?</b>\nSecond line")
    html = comments_section(client.get(article.get_absolute_url()))
    assert "First line &lt;b&gt;bold?&lt;/b&gt;<br>Second line" in html


def test_urls_in_text_are_not_turned_into_links(client, article):
    CommentFactory(article=article, body="See https://example.org/page for more")
    html = comments_section(client.get(article.get_absolute_url()))
    assert "See https://example.org/page for more" in html
    assert 'href="https://example.org/page"' not in html


def test_commenters_website_link_is_nofollow_ugc(client, article):
    CommentFactory(article=article, name="Robin", website="https://robin.example/")
    html = comments_section(client.get(article.get_absolute_url()))
    assert (
        '<a href="https://robin.example/" rel="nofollow ugc noopener noreferrer">Robin</a>' in html
    )


def test_staff_replies_are_nested_and_marked_as_from_the_clinic(client, article):
    question = CommentFactory(article=article, body="Will it hurt?")
    CommentFactory(
        article=article,
        parent=question,
        name="Dana",
        body="Most people feel a brief cramp.",
        is_staff_reply=True,
    )
    html = comments_section(client.get(article.get_absolute_url()))
    thread = html[html.index(f'id="comment-{question.pk}"') :]
    assert thread.index("Will it hurt?") < thread.index("Most people feel a brief cramp.")
    assert "Clinic team</span>" in thread
    assert "2 comments" in html


def test_patient_can_reply_to_a_comment_but_not_to_a_reply(client, article):
    question = CommentFactory(article=article, body="Will it hurt?")
    reply = CommentFactory(article=article, parent=question, is_staff_reply=True)
    page = comments_section(client.get(article.get_absolute_url()))
    assert f'href="{article.get_absolute_url()}?replyto={question.pk}#leave-a-reply"' in page
    assert f"?replyto={reply.pk}" not in page
    with_target = comments_section(client.get(article.get_absolute_url(), {"replyto": question.pk}))
    assert f"Reply to {question.name}" in with_target
    assert f'name="parent" value="{question.pk}"' in with_target

    assert post_comment(client, article, parent=str(question.pk)).status_code == 302
    assert Comment.objects.filter(parent=question, is_staff_reply=False).count() == 1

    response = post_comment(client, article, parent=str(reply.pk), body="Reply to a reply")
    assert response.status_code == 200
    assert "Replies cannot be answered" in comments_section(response)
    # Links in the thread shown at the form's address still lead to the article.
    assert f'href="{article.get_absolute_url()}#comments"' in comments_section(response)


def test_reply_to_a_comment_on_another_article_is_refused(client, article):
    elsewhere = CommentFactory(article=ArticleFactory())
    response = post_comment(client, article, parent=str(elsewhere.pk), body="Stray reply")
    assert response.status_code == 200
    assert "not on this page any more" in comments_section(response)
    assert "Stray reply</textarea>" in comments_section(response)


def test_page_says_comments_are_closed_when_staff_turn_them_off(client, clinic):
    article = ArticleFactory(allow_comments=False)
    CommentFactory(article=article, body="An older approved comment")
    html = comments_section(client.get(article.get_absolute_url()))
    assert "Comments are closed on this article." in html
    assert "An older approved comment" in html
    assert 'name="body"' not in html
    response = post_comment(client, article, body="Written before they closed")
    assert response.status_code == 403
    assert Comment.objects.count() == 1
    assert "Written before they closed</textarea>" in comments_section(response)


def test_comments_close_automatically_days_after_publication(client, clinic, comment_settings):
    comment_settings.close_after_days = 14
    comment_settings.save()
    old = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=15))
    new = ArticleFactory(published_at=timezone.now() - datetime.timedelta(days=13))
    assert "Comments are closed" in comments_section(client.get(old.get_absolute_url()))
    assert "Leave a reply" in comments_section(client.get(new.get_absolute_url()))
    assert post_comment(client, old).status_code == 403


def test_comments_on_a_draft_article_are_not_accepted(client, clinic):
    draft = ArticleFactory(status="draft")
    assert post_comment(client, draft).status_code == 404
    assert Comment.objects.count() == 0


def test_the_comment_form_page_gives_a_fresh_token_and_is_never_stored(client, article):
    response = client.get(reverse("comments:post", kwargs={"slug": article.slug}))
    assert response.status_code == 200
    html = comments_section(response)
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    assert read_form_token(token, article.pk).article_id == article.pk
    assert response["Cache-Control"] == "no-store, private"
    assert "csrfmiddlewaretoken" not in html
    assert not response.cookies


def test_a_form_sent_without_its_token_keeps_the_text_and_asks_to_send_again(client, article):
    response = post_comment(client, article, form_token="", body="My question, kept safe")
    assert response.status_code == 200
    html = comments_section(response)
    assert "Your comment is not sent yet" in html
    assert "My question, kept safe</textarea>" in html
    assert Comment.objects.count() == 0
    token = re.search(r'name="form_token" value="([^"]+)"', html).group(1)
    # A robot that sends the form again at once is still too quick.
    again = post_comment(client, article, form_token=token, body="My question, kept safe")
    assert "That was very quick" in comments_section(again)
    assert Comment.objects.count() == 0


def test_the_form_token_endpoint_answers_json_that_no_cache_keeps(client, article):
    response = client.get(reverse("comments:form-token", kwargs={"slug": article.slug}))
    assert response["Cache-Control"] == "no-store, private"
    assert not response.cookies
    assert read_form_token(response.json()["form_token"], article.pk).article_id == article.pk


@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_SEC_FETCH_SITE": "cross-site"},
        {"HTTP_SEC_FETCH_SITE": "same-site"},
        {"HTTP_ORIGIN": "https://evil.example"},
    ],
)
def test_a_comment_posted_from_another_site_is_refused(article, headers):
    browser = Client(enforce_csrf_checks=True)
    url = reverse("comments:post", kwargs={"slug": article.slug})
    assert browser.post(url, form_data(article), **headers).status_code == 403
    assert Comment.objects.count() == 0


@pytest.mark.parametrize(
    "headers",
    [{"HTTP_SEC_FETCH_SITE": "same-origin"}, {"HTTP_ORIGIN": "http://testserver"}, {}],
)
def test_a_comment_from_the_site_itself_needs_no_csrf_token(article, headers):
    browser = Client(enforce_csrf_checks=True)
    url = reverse("comments:post", kwargs={"slug": article.slug})
    assert browser.post(url, form_data(article), **headers).status_code == 302
    assert Comment.objects.count() == 1


def public_urls(article):
    urls = [article.get_absolute_url(), article.get_absolute_url() + "?comments_page=2"]
    for pattern in education_urls.urlpatterns:
        if isinstance(pattern, URLPattern) and not pattern.pattern.converters:
            urls.append(reverse(f"education:{pattern.name}"))
    return urls


def test_email_address_appears_in_no_public_response(client, article, comment_settings):
    comment_settings.comments_per_page = 5
    comment_settings.save()
    secret = "private.patient@example.com"
    CommentFactory.create_batch(6, article=article, email=secret, website="https://a.example/")
    staff = StaffUserFactory(email="staff.member@example.com")
    client.force_login(staff)
    CommentFactory(article=article, email="", is_staff_reply=True, user=staff)
    client.logout()
    for url in [*public_urls(article), reverse("education:search") + "?q=Patient"]:
        response = client.get(url)
        assert response.status_code in (200, 301, 302), url
        content = response.content.decode()
        assert secret not in content, url
        assert "private.patient" not in content, url
        assert "staff.member@example.com" not in content, url


def test_page_query_count_is_the_same_with_200_comments_as_with_2(
    client, article, comment_settings, django_assert_max_num_queries, settings
):
    settings.PAGE_CACHE_SECONDS = 0  # measure the page as rendered, not a cached copy
    for _ in range(2):
        parent = CommentFactory(article=article)
        CommentFactory(article=article, parent=parent, is_staff_reply=True)
    url = article.get_absolute_url()
    client.get(url)
    with django_assert_max_num_queries(30) as small:
        client.get(url)
    small_count = len(small.captured_queries)
    for _ in range(100):
        parent = CommentFactory(article=article)
        CommentFactory(article=article, parent=parent, is_staff_reply=True)
    client.get(url)  # the clinic profile is read again after any change, then kept
    with django_assert_max_num_queries(small_count) as large:
        response = client.get(url)
    assert len(large.captured_queries) == small_count
    assert "204 comments" in response.content.decode()


def test_staff_see_the_same_public_thread(client, article):
    client.force_login(StaffUserFactory())
    CommentFactory(article=article, status="pending", body="Still waiting")
    assert "Still waiting" not in comments_section(client.get(article.get_absolute_url()))


@pytest.mark.parametrize(
    "query",
    [
        {"comments_page": "abc"},
        {"comments_page": "99999"},
        {"comments_page": "-1"},
        {"replyto": "<script>alert(1)</script>"},
        {"replyto": "99999999999999999999999"},
    ],
)
def test_odd_query_strings_still_show_the_article(client, article, query):
    CommentFactory(article=article, body="Visible comment")
    response = client.get(article.get_absolute_url(), query)
    assert response.status_code == 200
    assert "Visible comment" in comments_section(response)
    assert "<script>alert(1)" not in response.content.decode()


def test_forged_parent_value_gets_a_clear_message(client, article):
    response = post_comment(client, article, parent="not-a-number", body="Kept text")
    assert response.status_code == 200
    assert "The comment you are replying to could not be found" in comments_section(response)
    assert "Kept text</textarea>" in comments_section(response)
    assert Comment.objects.count() == 0


def test_oversized_form_token_gets_a_clear_message_and_a_fresh_token(client, article):
    response = post_comment(client, article, form_token="x" * 600, body="Kept text")
    assert response.status_code == 200
    html = comments_section(response)
    assert "This form could not be checked" in html
    assert "x" * 600 not in html
    assert "Kept text</textarea>" in html


def test_a_draft_takes_no_comments_even_from_an_editor_previewing_it(client, clinic):
    editor = StaffUserFactory(is_superuser=True)
    draft = ArticleFactory(slug="draft-only", status=Article.Status.DRAFT)
    client.force_login(editor)

    assert client.get(draft.get_absolute_url()).status_code == 200  # the preview
    assert post_comment(client, draft).status_code == 404
    assert Comment.objects.count() == 0


def test_returning_commenters_are_told_their_comment_may_appear_at_once(
    client, article, comment_settings
):
    comment_settings.auto_approve_returning = True
    comment_settings.save()
    CommentFactory(  # approved last week
        article=article,
        email="sam@example.com",
        created_at=timezone.now() - datetime.timedelta(days=7),
    )
    data = form_data(article, email="sam@example.com", body="Thanks, that helped a lot.")
    url = reverse("comments:post", kwargs={"slug": article.slug})

    page = client.get(article.get_absolute_url()).content.decode()
    client.post(url, data, REMOTE_ADDR="10.9.1.1")
    replay = client.post(url, data, REMOTE_ADDR="10.9.1.2", follow=True).content.decode()

    assert "unless an earlier comment of yours was approved" in page
    assert "We already have this comment. It is on the page." in replay


def test_a_clinic_reply_never_shows_a_staff_login_name(article, clinic):
    moderator = StaffUserFactory(username="admin7", first_name="", last_name="")
    parent = CommentFactory(article=article)

    reply = services.comment_reply(parent=parent, moderator=moderator, body="Yes, that is normal.")

    # Without a full name the reply is signed by the team, whatever was chosen.
    assert reply.name == "Clinic team"
    assert "admin7" not in reply.name
