from crispy_forms.helper import FormHelper
from crispy_forms.layout import Div, Field, Layout, Submit
from django import forms
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from . import akismet
from .models import MAX_COMMENT_LENGTH, Comment, Report, http_url_validator

NUL_MESSAGE = _("Please remove the invisible characters from this field.")


class CommentForm(forms.Form):
    """The patient's "Leave a reply" form.

    Besides what the patient sees it carries a signed token (which page, when the
    form was shown, and a one-off key) and a honeypot field hidden from people.
    The moderation policy checks both (see comments.moderation).
    """

    name = forms.CharField(
        max_length=80,
        error_messages={
            "required": _("Please enter your name. It is shown with your comment."),
            "max_length": _("Please shorten your name to 80 characters or fewer."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    email = forms.EmailField(
        label=_("E-mail"),
        max_length=254,
        help_text=_("Never shown on the site."),
        error_messages={
            "required": _("Please enter your e-mail address. It is never shown on the site."),
            "invalid": _("Please enter an e-mail address like name@example.com."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    website = forms.URLField(
        label=_("Website (optional)"),
        required=False,
        max_length=200,
        assume_scheme="https",
        validators=[http_url_validator],
        error_messages={
            "invalid": _("Please enter a full web address that starts with http:// or https://."),
            "max_length": _("Please shorten the web address to 200 characters or fewer."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    body = forms.CharField(
        label=_("Comment"),
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 6}),
        error_messages={
            "required": _("Please write your comment."),
            "max_length": _(
                "Please shorten your comment to 3,000 characters or fewer (it has %(show_value)s)."
            ),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that my name and comment will be shown on this page after review."),
        error_messages={"required": _("Please tick this box to agree before you send.")},
    )
    notify_replies = forms.BooleanField(
        label=_("E-mail me when the clinic replies"),
        required=False,
        help_text=_("We first e-mail you to confirm. Each e-mail has a link to stop them."),
    )
    notify_decision = forms.BooleanField(
        label=_("E-mail me when my comment is approved or not"),
        required=False,
    )
    subject = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    form_token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, article, comment_settings, clinic=None, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.article = article
        self.parent_comment = None
        self.token_invalid = False
        self.fields["consent"].help_text = privacy_notice(comment_settings, clinic)
        self.helper = FormHelper(self)
        self.helper.form_action = action
        self.helper.form_id = "comment-form"
        # No CSRF token: the form sits on pages every visitor shares; its posts are
        # checked by origin instead (clinic_site.cross_origin) and carry the signed
        # form token, which the page fetches when the patient starts writing.
        self.helper.disable_csrf = True
        self.helper.attrs = {
            "novalidate": "",
            "data-form-token-url": reverse("comments:form-token", kwargs={"slug": article.slug})
            + f"?article={article.pk}",
        }
        self.helper.layout = Layout(
            "parent",
            "form_token",
            Field("name", autocomplete="name"),
            Field("email", autocomplete="email"),
            Field("website", autocomplete="url"),
            "body",
            Div("subject", css_class="d-none", aria_hidden="true"),
            "consent",
            "notify_replies",
            "notify_decision",
            Submit("submit", _("Post comment")),
        )

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        if not body.strip():
            raise forms.ValidationError(_("Please write your comment."))
        return body

    def clean_email(self):
        return self.cleaned_data["email"].strip().lower()

    def clean(self):
        cleaned = super().clean()
        # Hidden fields have no place to show an error: say it above the form.
        if self._errors.pop("form_token", None):
            self.token_invalid = True
            self.add_error(
                None,
                _("This form could not be checked. Your text is still here: please send it again."),
            )
        if self._errors.pop("parent", None):
            self.add_error(
                None,
                _(
                    "The comment you are replying to could not be found. Your text is still "
                    "here: you can post it as a new comment."
                ),
            )
            self.data = self.data.copy()
            self.data["parent"] = ""
        parent_id = cleaned.get("parent")
        if parent_id:
            parent = (
                Comment.objects.approved()
                .filter(pk=parent_id, article=self.article)
                .only("pk", "parent_id", "name")
                .first()
            )
            if parent is None:
                self.add_error(
                    None,
                    _(
                        "The comment you are replying to is not on this page any more. "
                        "Your text is still here: you can post it as a new comment."
                    ),
                )
                self.data = self.data.copy()
                self.data["parent"] = ""
            elif parent.parent_id:
                self.add_error(
                    None,
                    _(
                        "Replies cannot be answered. Please reply to the first comment in the "
                        "conversation instead."
                    ),
                )
            else:
                self.parent_comment = parent
        return cleaned


class ReportForm(forms.Form):
    """ "Report this comment": a reason, an optional note, and the page's signed token."""

    reason = forms.ChoiceField(
        label=_("Why should the clinic look at this comment?"),
        choices=Report.Reason.choices,
        widget=forms.RadioSelect,
        error_messages={"required": _("Please choose why you are reporting this comment.")},
    )
    note = forms.CharField(
        label=_("Anything the clinic should know (optional)"),
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only staff read this. Please do not include your own health details."),
        error_messages={
            "max_length": _("Please shorten your note to 500 characters or fewer."),
            "null_characters_not_allowed": NUL_MESSAGE,
        },
    )
    report_token = forms.CharField(required=False, max_length=500, widget=forms.HiddenInput)

    def __init__(self, *args, action="", **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = FormHelper(self)
        self.helper.form_action = action
        self.helper.form_id = "report-form"
        # A visitor's own, never-cached page; posts are checked by origin instead
        # (clinic_site.cross_origin), as the comment form's are.
        self.helper.disable_csrf = True
        self.helper.attrs = {"novalidate": ""}
        self.helper.layout = Layout(
            "report_token", "reason", "note", Submit("submit", _("Send report"))
        )


class StaffReplyForm(forms.Form):
    """A clinic reply written under a comment on the article page (staff only)."""

    body = forms.CharField(
        label="Reply as the clinic",
        max_length=MAX_COMMENT_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={
            "required": "Please write the reply.",
            "max_length": "Please shorten the reply to 3,000 characters or fewer "
            "(it has %(show_value)s).",
        },
    )
    signature = forms.ChoiceField(
        label="Sign it as",
        choices=[],
        initial="team",
        widget=forms.RadioSelect,
    )

    def __init__(self, *args, signature_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["signature"].choices = signature_choices

    def clean_body(self):
        body = self.cleaned_data["body"].replace("\r\n", "\n").replace("\r", "\n")
        if not body.strip():
            raise forms.ValidationError("Please write the reply.")
        return body


def privacy_notice(comment_settings, clinic):
    """The short privacy notice shown next to the consent box."""
    contact = ""
    if clinic is not None:
        contact = getattr(clinic, "email", "") or getattr(clinic, "phone", "")
    akismet_note = ""
    if akismet.enabled(comment_settings):
        akismet_note = _(
            " To keep spam out, comments are also checked by Akismet (Automattic), which "
            "receives your name, e-mail, website, comment, browser and network address."
        )
    return format_html(
        _(
            "Your name and comment are public. Your e-mail address is never shown: we keep it "
            "only to contact you about your comment and to find your comments if you ask to "
            "see or remove them, for as long as your comment is on the site, and for the "
            "e-mails you ask for until you unsubscribe. Network details (a scrambled address "
            "and your browser name) are deleted after {} days.{} To have a comment removed, "
            "contact the clinic{}."
        ),
        comment_settings.keep_network_data_days,
        akismet_note,
        format_html(_(" at {}"), contact) if contact else "",
    )
