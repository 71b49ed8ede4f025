"""The comment form's own pages.

Article pages are the same bytes for every anonymous visitor, so any cache may
keep them: the form under an article carries no CSRF token and no form token.

- With JavaScript, the form asks ``comments:form-token`` (never cached) for its
  signed, timed token when the patient starts writing, so the minimum time to
  fill it in counts from then.
- Without JavaScript the form arrives without a token: nothing is stored, and
  the patient gets this app's own, never-cached form page with their text kept
  and a fresh token, to check and send again.
- Anything refused comes back on that page too, with the text kept and a
  message saying what to do.

Posts are checked for cross-origin requests by ``Sec-Fetch-Site`` and ``Origin``
(clinic_site.cross_origin) instead of Django's CSRF token.
"""

from django.contrib import messages
from django.http import Http404, JsonResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from clinic_site.client_ip import client_ip
from clinic_site.cross_origin import cross_origin_protected
from education.models import Article, ClinicProfile

from . import moderation, services
from .forms import CommentForm
from .models import Comment, CommentSettings

CLOSED_MESSAGE = gettext_lazy("Comments are closed on this article, so your comment was not sent.")
CHECK_AND_SEND = gettext_lazy(
    "Your comment is not sent yet. Please check it and press “Post comment” to send it."
)


def live_article(slug):
    try:
        return Article.objects.published().get(slug=slug)
    except Article.DoesNotExist:
        raise Http404("No such article") from None


def form_token(request, slug):
    """A new signed form token for the article's comment form (JSON, never cached).

    The form names its article (``?article=<pk>``), so no database is needed:
    a token only ever works for posts to the article it names.
    """
    wanted = request.GET.get("article", "")
    article_id = int(wanted) if wanted.isdigit() and len(wanted) < 19 else live_article(slug).pk
    response = JsonResponse({"form_token": moderation.make_form_token(article_id)})
    response["Cache-Control"] = "no-store, private"
    return response


@method_decorator(cross_origin_protected, name="dispatch")
class CommentFormView(TemplateView):
    """The comment form on a page of its own: for patients without JavaScript, and
    for any comment that could not be sent yet, with the patient's text kept."""

    template_name = "comments/comment_form.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.article = live_article(kwargs["slug"])
        self.settings = CommentSettings.load()
        response = super().dispatch(request, *args, **kwargs)
        # It holds this visitor's own form token, and maybe their text.
        response["Cache-Control"] = "no-store, private"
        return response

    def make_form(self, data=None):
        article = self.article
        return CommentForm(
            data,
            initial={"form_token": moderation.make_form_token(article.pk)},
            article=article,
            comment_settings=self.settings,
            clinic=ClinicProfile.current(),
            action=reverse("comments:post", kwargs={"slug": article.slug}),
        )

    def get(self, request, *args, **kwargs):
        if not moderation.comments_open(self.article, settings=self.settings):
            return redirect(self.article.get_absolute_url() + "#comments")
        form = self.make_form()
        wanted = request.GET.get("replyto", "")
        if wanted.isdigit():
            form.parent_comment = (
                Comment.objects.approved()
                .top_level()
                .filter(article=self.article, pk=wanted)
                .first()
            )
            if form.parent_comment is not None:
                form.initial["parent"] = form.parent_comment.pk
        return self.render_to_response(self.get_context_data(form=form))

    def post(self, request, *args, **kwargs):
        article = self.article
        form = self.make_form(request.POST.copy())
        status = 200  # the form again, with messages saying what to fix
        if not moderation.comments_open(article, settings=self.settings):
            form.is_valid()
            form.add_error(None, CLOSED_MESSAGE)
            return self.render_to_response(
                self.get_context_data(form=form, closed=True), status=403
            )
        if not form.data.get("form_token"):
            # The form was sent without its token (no JavaScript, or the token
            # could not be fetched): nothing is stored; check and send again.
            form.is_valid()
            form.data["form_token"] = moderation.make_form_token(article.pk)
            return self.render_to_response(
                self.get_context_data(form=form, note=CHECK_AND_SEND), status=status
            )
        if form.is_valid():
            try:
                comment = services.comment_submit(
                    article=article,
                    name=form.cleaned_data["name"],
                    email=form.cleaned_data["email"],
                    website=form.cleaned_data["website"],
                    body=form.cleaned_data["body"],
                    parent=form.parent_comment,
                    token=form.cleaned_data["form_token"],
                    honeypot=form.cleaned_data["subject"],
                    ip=client_ip(request),
                    user_agent=request.headers.get("User-Agent", ""),
                    base_url=request.build_absolute_uri("/"),
                )
            except services.AlreadyReceived as received:
                messages.info(
                    request,
                    _("We already have this comment. ")
                    + (
                        _("It is on the page.")
                        if received.comment.is_public
                        else _("It will appear after a staff member reviews it.")
                    ),
                )
                return redirect(article.get_absolute_url())
            except moderation.Refused as refused:
                form.add_error(None, refused.message)
                status = refused.status
                if refused.code in {"forged", "expired"}:
                    form.data["form_token"] = moderation.make_form_token(article.pk)
            else:
                return self.success(comment)
        if form.token_invalid:
            form.data["form_token"] = moderation.make_form_token(article.pk)
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def get_context_data(self, **kwargs):
        form = kwargs["form"]
        return super().get_context_data(
            article=self.article,
            replying_to=form.parent_comment,
            auto_approve_returning=self.settings.auto_approve_returning,
            **kwargs,
        )

    def success(self, comment):
        if comment.is_public:
            messages.success(self.request, _("Thank you. Your comment is now on the page."))
            return redirect(comment.get_absolute_url())
        messages.success(
            self.request,
            _(
                "Thank you. Your comment was received and will appear after a staff "
                "member reviews it."
            ),
        )
        return redirect(comment.article.get_absolute_url())
