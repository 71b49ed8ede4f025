from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse

from clinic_site.client_ip import client_ip
from education.models import ClinicProfile
from education.views import ArticleDetailView

from . import moderation, services
from .forms import CommentForm
from .models import CommentSettings

CLOSED_MESSAGE = "Comments are closed on this article, so your comment was not sent."


class CommentCreateView(ArticleDetailView):
    """Receives the "Leave a reply" form of an article.

    A valid comment is stored and the patient is sent back to the article
    (post/redirect/get) with a message. Anything else shows the article again with
    the patient's text kept in the form and a message saying what to fix.
    """

    http_method_names = ["get", "post"]
    # Editors may preview a draft, form and all, but comments go only to live articles.
    allow_preview = False

    def get(self, request, *args, **kwargs):
        return redirect(self.get_object().get_absolute_url() + "#comments")

    def post(self, request, *args, **kwargs):
        self.object = article = self.get_object()
        settings = CommentSettings.load()
        data = request.POST.copy()
        form = CommentForm(
            data,
            article=article,
            comment_settings=settings,
            clinic=ClinicProfile.current(),
            action=reverse("comments:post", kwargs={"slug": article.slug}) + "#leave-a-reply",
        )
        status = 200  # the form again, with messages saying what to fix
        if not moderation.comments_open(article, settings=settings):
            form.is_valid()
            form.add_error(None, CLOSED_MESSAGE)
            status = 403
        elif form.is_valid():
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
                    "We already have this comment. "
                    + (
                        "It is on the page."
                        if received.comment.is_public
                        else "It will appear after a staff member reviews it."
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
        context = self.get_context_data(object=article, comment_form=form)
        return self.render_to_response(context, status=status)

    def success(self, comment):
        if comment.is_public:
            messages.success(self.request, "Thank you. Your comment is now on the page.")
            return redirect(comment.get_absolute_url())
        messages.success(
            self.request,
            "Thank you. Your comment was received and will appear after a staff member reviews it.",
        )
        return redirect(comment.article.get_absolute_url())
