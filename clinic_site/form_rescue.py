"""Giving patients back their own words when what they sent could not be taken.

A form patients write into (a comment today; a report or a subscription
confirmation later) is registered by its app, from its ``AppConfig.ready()``::

    form_rescue.register(
        "comments:post",
        fields=[form_rescue.Field("name", "Your name"), ...],
        fresh_fields=make_new_tokens,
    )

When such a form cannot be saved (the database refuses writes, the form's
security check expired, it arrived with too many fields) the site answers with
a page that holds exactly those fields, filled in as the patient sent them, and
a button to send them again. Only registered fields are ever written back into
a page: never a hidden field as it arrived, never a password, never anything on
a page that is not registered (the admin, the sign-in page).
"""

import logging
from dataclasses import dataclass, field
from urllib.parse import parse_qsl

from django.db import DatabaseError
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Field:
    name: str
    label: str
    # "text", "email", "url", "textarea" or "checkbox" (asked again, never pre-ticked).
    kind: str = "text"
    autocomplete: str = ""


@dataclass(frozen=True)
class RescuableForm:
    view_name: str
    fields: tuple = field(default_factory=tuple)
    # callable(request, sent) -> {name: value}: hidden fields the site makes anew
    # (a fresh form token), never copied from what arrived. ``sent`` is all that
    # arrived, for the callable to read (a signed token), never to echo.
    fresh_fields: object = None


_forms = {}

# What went wrong, in the patient's words: the page's title, heading, lead and advice.
PROBLEMS = {
    "busy": {
        "status": 503,
        "retry_after": 10,
        "title": _("The site is busy"),
        "heading": _("Sorry, the site is very busy right now"),
        "lead": _("We could not save what you sent, and nothing was saved by half."),
        "advice": _("Please wait a few seconds, then press Send again."),
    },
    "unavailable": {
        "status": 503,
        "retry_after": 60,
        "title": _("We cannot save anything right now"),
        "heading": _("Sorry, we cannot save anything right now"),
        "lead": _(
            "The website cannot store new messages at the moment. This is a fault on our "
            "side, not something you did, and our staff have been told. Nothing was saved."
        ),
        "advice": _(
            "Please try again in a few minutes. If it still does not work, copy your "
            "text somewhere safe and try later, or phone the clinic."
        ),
    },
    "down": {
        "status": 503,
        "retry_after": 60,
        "title": _("This page is not available right now"),
        "heading": _("Sorry, this page is not available right now"),
        "lead": _("The website has a fault on our side, and our staff have been told."),
        "advice": _(
            "Please try again in a few minutes. If you need to reach the clinic, please phone us."
        ),
    },
    "expired": {
        "status": 403,
        "title": _("This form had expired"),
        "heading": _("Sorry, this form had expired"),
        "lead": _(
            "For your safety, a form only works for a while after the page was opened, "
            "and only in a browser that accepts this site's cookies. Nothing was sent."
        ),
        "advice": _("Please check your text below and press Send again."),
    },
    "too_many_fields": {
        "status": 400,
        "title": _("We could not read what you sent"),
        "heading": _("Sorry, we could not read what you sent"),
        "lead": _("The form arrived with far more parts than it has, so nothing was sent."),
        "advice": _("Please check your text below and press Send again."),
        "advice_without_text": _(
            "Please go back with your browser's Back button and send the form again."
        ),
    },
    "too_large": {
        "status": 413,
        "title": _("What you sent was too large"),
        "heading": _("Sorry, what you sent was too large"),
        "lead": _("The site accepts at most {limit} in one form, and nothing was sent."),
        "advice": _(
            "Go back with your browser's Back button: your text is usually still in the "
            "form. A comment can be up to 3,000 characters; shorten it and send it again."
        ),
    },
    "incomplete": {
        "status": 400,
        "title": _("Only part of what you sent arrived"),
        "heading": _("Sorry, only part of what you sent arrived"),
        "lead": _(
            "The connection was too slow or broke while the form was being sent, so "
            "nothing was saved."
        ),
        "advice": _(
            "Go back with your browser's Back button, check your connection and send "
            "the form again."
        ),
    },
}


def register(view_name, *, fields, fresh_fields=None):
    """Marks the view named ``view_name`` as a form patients write into."""
    _forms[view_name] = RescuableForm(view_name, tuple(fields), fresh_fields)


def registered(request):
    """The registered form this request was sent from, or None."""
    match = getattr(request, "resolver_match", None)
    if request.method != "POST" or match is None:
        return None
    return _forms.get(match.view_name)


def sent_fields(request, *, body=None):
    """What arrived, as {name: first value}: from ``body`` when POST cannot be parsed."""
    if body is None:
        return {name: request.POST.get(name) for name in request.POST}
    sent = {}
    text = body.decode(request.encoding or "utf-8", errors="replace")
    for name, value in parse_qsl(text, keep_blank_values=True, max_num_fields=None):
        sent.setdefault(name, value)
    return sent


def fresh_values(request, form, sent):
    if form.fresh_fields is None:
        return {}
    try:
        return dict(form.fresh_fields(request, sent))
    except Exception:  # noqa: BLE001 - the page still works; the form asks for a reload
        logger.warning("Could not make fresh fields for %s", form.view_name, exc_info=True)
        return {}


def problem_page(request, problem, *, body=None, **details):
    """The page for ``problem`` (a key of PROBLEMS), with the patient's words if we have them.

    If the database cannot even be read, the page is shown without the clinic's
    details (they live there).
    """
    about = dict(PROBLEMS[problem])
    about["lead"] = about["lead"].format(**details)
    form = registered(request)
    context = {"problem": about, "fields": [], "hidden": {}}
    if form is not None and problem not in {"too_large", "incomplete"}:
        sent = {}
        try:
            sent = sent_fields(request, body=body)
        except Exception:  # noqa: BLE001 - say what happened even if the text is unreadable
            logger.warning("Could not read back the form of %s", form.view_name, exc_info=True)
        # Only the registered fields; a box to tick is asked again, never pre-ticked.
        context["fields"] = [
            (f, "" if f.kind == "checkbox" else sent.get(f.name) or "") for f in form.fields
        ]
        if not any(value for _, value in context["fields"]):
            context["fields"] = []  # nothing could be read back: say what to do instead
        if context["fields"]:
            context["hidden"] = fresh_values(request, form, sent)
            context["action"] = request.get_full_path()
    try:
        response = render(request, "form_problem.html", context, status=about["status"])
    except DatabaseError:
        # Without the clinic's name and address, which live in the database, and
        # without the site header and footer, which show them.
        context.update(clinic=None, base_template="plain_base.html")
        response = render(request, "form_problem.html", context, status=about["status"])
    if "retry_after" in about:
        response["Retry-After"] = str(about["retry_after"])
    # A page holding what one person typed is never kept by any cache.
    response["Cache-Control"] = "no-store"
    return response
