"""The comment form's part in clinic_site.form_rescue: which fields come back, and a new token."""

from django.core import signing
from django.utils.translation import gettext_lazy as _

from clinic_site.form_rescue import Field

from .forms import CommentForm
from .models import Comment
from .moderation import FORM_SALT, Refused, make_form_token, read_form_token

# Only what the patient typed (and the consent box, asked again). Never the
# honeypot, the reply-to id or the token as they arrived.
RESCUED_FIELDS = [
    Field("name", _("Your name"), "text", "name"),
    Field("email", _("E-mail (never shown on the site)"), "email", "email"),
    Field("website", _("Website (optional)"), "url", "url"),
    Field("body", _("Your comment"), "textarea"),
    Field("consent", CommentForm.base_fields["consent"].label, "checkbox"),
]


def fresh_form_fields(request, sent):
    """A new form token for the article the form was sent from.

    The article comes from the signed token the patient's form carried (no
    database needed, which may be what failed), else from the address. The new
    token keeps the time the patient first opened the form when theirs was
    genuine, so "Send again" is not refused as too fast.
    """
    posted = sent.get("form_token") or ""
    try:
        article_id = int(signing.loads(posted, salt=FORM_SALT)["a"])
        shown_at = read_form_token(posted, article_id).issued_at
    except (signing.BadSignature, KeyError, TypeError, ValueError, Refused):
        Article = Comment._meta.get_field("article").related_model
        slug = request.resolver_match.kwargs["slug"]
        article_id = Article.objects.filter(slug=slug).values_list("pk", flat=True).first()
        shown_at = None
    return {"form_token": make_form_token(article_id, now=shown_at)} if article_id else {}
