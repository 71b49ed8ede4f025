"""A patient who uses the site in French hears back in French, whatever language
the staff who answer them use."""

import re

import pytest
from django.contrib.auth.models import Group
from django.core import mail
from django.urls import reverse
from django.utils import timezone, translation

from comments import services
from comments.models import Comment, Subscription
from tests.comments.helpers import post_comment
from tests.factories import CommentFactory, StaffUserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def site_address(settings):
    settings.COMMENTS_SITE_URL = "https://ims.example.com"


@pytest.fixture
def moderator(db):
    user = StaffUserFactory(username="mod", first_name="Dana", last_name="Lee")
    user.groups.add(Group.objects.get(name="Comment moderator"))
    return user


def path_of(url):
    return re.sub(r"^https?://[^/]+", "", url)


def test_a_french_visitor_is_asked_to_confirm_in_french_and_hears_of_replies_in_french(
    client, article, moderator, django_capture_on_commit_callbacks
):
    with translation.override("fr"), django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, email="camille@example.com", notify_replies="on")
    assert Subscription.objects.get().language == "fr"
    [confirmation] = [m for m in mail.outbox if m.to == ["camille@example.com"]]
    assert confirmation.subject.startswith("Veuillez confirmer : courriels")
    assert "Bonjour," in confirmation.body
    assert "Quand la clinique répond" in confirmation.body
    assert "Hello" not in confirmation.body
    confirm = re.search(r"https?://\S+/notices/confirm/\S+/", confirmation.body).group(0)
    assert path_of(confirm).startswith("/fr/")
    page = client.get(path_of(confirm)).content.decode()
    assert "Oui, écrivez-moi" in page
    client.post(path_of(confirm))
    comment = Comment.objects.get(email="camille@example.com")
    services.comments_approve(comments=[comment], moderator=moderator)
    mail.outbox.clear()

    # The moderator answers from the English admin; the notice is still French.
    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=comment, moderator=moderator, body="Oui, un jour ou deux.")
    [notice] = mail.outbox
    assert notice.subject == f"La clinique a répondu à votre commentaire sur {article.title}"
    assert "Arrêter ces courriels (un clic)" in notice.body
    assert translation.get_language() == "en"


def test_an_english_visitor_still_gets_english_e_mails(
    client, article, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post_comment(client, article, email="sam@example.com", notify_decision="on")
    assert Subscription.objects.get().language == "en"
    [confirmation] = [m for m in mail.outbox if m.to == ["sam@example.com"]]
    assert confirmation.subject.startswith("Please confirm")
    assert "When the comment is approved or not" in confirmation.body


def test_the_report_form_speaks_french_at_its_french_address(client, article):
    comment = CommentFactory(article=article, status=Comment.Status.APPROVED)
    with translation.override("fr"):
        url = reverse("comments:report", kwargs={"pk": comment.pk})
    assert url.startswith("/fr/")
    html = client.get(url).content.decode()
    assert '<h1 class="h2">Signaler un commentaire</h1>' in html
    assert "Pourquoi la clinique devrait-elle examiner ce commentaire?" in html
    assert "Renseignements de santé personnels" in html
    assert "Envoyer le signalement" in html
    assert "Report a comment" not in html

    # A refusal the visitor reads comes back in French too.
    response = client.post(url, {"reason": "spam", "report_token": "forged"})
    assert "Ce formulaire a expiré" in response.content.decode()


def french_subscription(article, kind, **comment_fields):
    comment = CommentFactory(article=article, email="camille@example.com", **comment_fields)
    Subscription.objects.create(
        comment=comment,
        email=comment.email,
        kind=kind,
        language="fr",
        confirmed_at=timezone.now(),
    )
    return comment


def links_in(message):
    return [path_of(url) for url in re.findall(r"https?://\S+", message.body)]


def test_every_link_in_a_french_reply_notice_leads_to_a_french_page(
    article, moderator, django_capture_on_commit_callbacks
):
    comment = french_subscription(
        article, Subscription.Kind.REPLIES, status=Comment.Status.APPROVED
    )

    with django_capture_on_commit_callbacks(execute=True):
        services.comment_reply(parent=comment, moderator=moderator, body="Un jour ou deux.")

    [notice] = mail.outbox
    links = links_in(notice)
    assert len(links) == 2  # the reply and the unsubscribe link
    assert all(link.startswith("/fr/") for link in links), links
    unsubscribe = re.fullmatch(r"<(\S+)>", notice.extra_headers["List-Unsubscribe"]).group(1)
    assert path_of(unsubscribe).startswith("/fr/comments/notices/stop/")
    assert path_of(unsubscribe) in links


@pytest.mark.parametrize("approved", [True, False])
def test_every_link_in_a_french_decision_notice_leads_to_a_french_page(
    article, moderator, approved, django_capture_on_commit_callbacks
):
    comment = french_subscription(article, Subscription.Kind.DECISION)

    decide = services.comments_approve if approved else services.comments_reject
    with django_capture_on_commit_callbacks(execute=True):
        decide(comments=[comment], moderator=moderator)

    [notice] = mail.outbox
    links = links_in(notice)
    assert len(links) == 2  # the comment (or the article) and the unsubscribe link
    assert all(link.startswith("/fr/") for link in links), links
    unsubscribe = re.fullmatch(r"<(\S+)>", notice.extra_headers["List-Unsubscribe"]).group(1)
    assert path_of(unsubscribe).startswith("/fr/comments/notices/stop/")
