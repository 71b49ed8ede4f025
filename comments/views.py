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
from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods, require_POST
from django.views.generic import TemplateView

from clinic_site.client_ip import client_ip
from clinic_site.cross_origin import cross_origin_protected
from education.models import Article, ClinicProfile

from . import moderation, services
from .forms import CommentForm, ReportForm, StaffReplyForm
from .models import Comment, CommentSettings
from .sign_in.services import commenter_details

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
    a token only ever works for posts to the article it names. For a signed-in
    patient it also holds the name and e-mail address the form is filled in with.
    """
    wanted = request.GET.get("article", "")
    article_id = int(wanted) if wanted.isdigit() and len(wanted) < 19 else live_article(slug).pk
    answer = {"form_token": moderation.make_form_token(article_id)}
    # A signed-in patient's form is filled in from here, never in the shared page.
    answer.update(commenter_details(request.user))
    response = JsonResponse(answer)
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
            initial={
                "form_token": moderation.make_form_token(article.pk),
                **commenter_details(self.request.user),
            },
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
                    notify_replies=form.cleaned_data["notify_replies"],
                    notify_decision=form.cleaned_data["notify_decision"],
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


# --- Hearing back -------------------------------------------------------------------
# The links in the e-mails carry a signed token, which is all they need: no
# session, no cookie. Mail programs and scanners open links to look at them, so a
# GET only shows a button; the POST does it. A mail program's one-click
# unsubscribe (RFC 8058) POSTs straight from its own server, without any cookie,
# which is why these two POSTs are exempt from the CSRF check.


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def subscription_confirm(request, token):
    try:
        if request.method == "POST":
            comment = services.subscriptions_confirm(token=token)
            return render(request, "comments/subscription_done.html", {"comment": comment})
        comment = services.subscription_for_confirmation(token)
    except services.LinkInvalid:
        return render(request, "comments/link_invalid.html", status=404)
    return render(request, "comments/subscription_confirm.html", {"comment": comment})


@never_cache
@csrf_exempt
@require_http_methods(["GET", "POST"])
def unsubscribe(request, token):
    try:
        subscription = services.subscription_for_unsubscribe(token)
        if request.method == "POST":
            services.subscriptions_unsubscribe(token=token)
            return render(request, "comments/unsubscribed.html")
    except services.LinkInvalid:
        return render(request, "comments/link_invalid.html", status=404)
    if subscription is None:
        return render(request, "comments/unsubscribed.html")
    return render(request, "comments/unsubscribe.html")


# --- Reporting ------------------------------------------------------------------------


@method_decorator(never_cache, name="dispatch")
@method_decorator(cross_origin_protected, name="dispatch")
class ReportView(TemplateView):
    """ "Report" under every public comment leads here: a page of the visitor's own
    (never cached) with the reasons and a signed token, so the article page itself
    stays the same bytes for everyone and works without JavaScript."""

    template_name = "comments/report.html"
    http_method_names = ["get", "post"]

    def dispatch(self, request, *args, **kwargs):
        self.comment = Comment.objects.select_related("article").filter(pk=kwargs["pk"]).first()
        if self.comment is None or not self.comment.is_public:
            # Taken off the page meanwhile (reported by others, or removed): say so.
            return render(request, "comments/report_gone.html", status=404)
        return super().dispatch(request, *args, **kwargs)

    def make_form(self, data=None):
        return ReportForm(
            data,
            initial={"report_token": services.make_report_token(self.comment.pk)},
            action=reverse("comments:report", kwargs={"pk": self.comment.pk}),
        )

    def get(self, request, *args, **kwargs):
        return self.render_to_response(self.get_context_data(form=self.make_form()))

    def post(self, request, *args, **kwargs):
        form = self.make_form(request.POST.copy())
        status = 200
        if form.is_valid():
            try:
                services.comment_report(
                    comment=self.comment,
                    reason=form.cleaned_data["reason"],
                    note=form.cleaned_data["note"],
                    token=form.cleaned_data["report_token"],
                    ip=client_ip(request),
                    base_url=request.build_absolute_uri("/"),
                )
            except moderation.Refused as refused:
                form.add_error(None, refused.message)
                status = refused.status
                form.data["report_token"] = services.make_report_token(self.comment.pk)
            else:
                messages.success(
                    request, _("Thank you. A staff member will look at the comment you reported.")
                )
                return redirect(self.comment.article.get_absolute_url() + "#comments")
        return self.render_to_response(self.get_context_data(form=form), status=status)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            comment=self.comment,
            keep_days=CommentSettings.load().keep_network_data_days,
            **kwargs,
        )


# --- Staff replies on the article page --------------------------------------------------


@require_POST
@login_required
@permission_required("comments.change_comment", raise_exception=True)
def staff_reply(request, pk):
    """A clinic reply posted from the article page. Only signed-in staff see the form,
    and their pages are never cached (they have a session). CSRF-checked as usual."""
    comment = get_object_or_404(
        Comment.objects.approved().filter(is_staff_reply=False).select_related("article"),
        pk=pk,
    )
    form = StaffReplyForm(request.POST, signature_choices=services.signature_choices(request.user))
    if not form.is_valid():
        response = render(
            request,
            "comments/staff_reply.html",
            {"comment": comment, "article": comment.article, "form": form},
            status=200,
        )
        response["Cache-Control"] = "no-store, private"
        return response
    reply = services.comment_reply(
        parent=comment,
        moderator=request.user,
        body=form.cleaned_data["body"],
        signature=form.cleaned_data["signature"],
        base_url=request.build_absolute_uri("/"),
    )
    messages.success(request, _("Your reply is on the page. Anyone who asked to hear is told."))
    return redirect(reply.get_absolute_url())
