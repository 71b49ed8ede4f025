from django import template
from django.core.paginator import Paginator
from django.db.models import Count, Prefetch, Q
from django.urls import reverse

from comments import moderation, services
from comments.forms import CommentForm
from comments.models import Comment, CommentSettings

register = template.Library()


@register.inclusion_tag("comments/thread.html", takes_context=True)
def comment_thread(context, article):
    """The approved comments of an article, oldest first, and the "Leave a reply" form.

    The number of queries does not depend on how many comments there are: the
    settings, both counts in one query, one page of comments and their approved
    replies in one prefetch (the last two only when there are comments).
    """
    request = context["request"]
    settings = CommentSettings.load()
    counts = (
        Comment.objects.approved()
        .filter(article=article)
        .aggregate(
            threads=Count("pk", filter=Q(parent__isnull=True)),
            replies=Count("pk", filter=Q(parent__status=Comment.Status.APPROVED)),
        )
    )
    # Naming the article lets the database use the (article, status, created_at)
    # index; without it SQLite walks every approved comment on the site in date
    # order looking for these parents (9 ms at 20,000 comments, 0.05 ms with it).
    replies = Comment.objects.approved().filter(article=article).order_by("created_at", "pk")
    threads = (
        Comment.objects.approved()
        .top_level()
        .filter(article=article)
        .order_by("created_at", "pk")
        .select_related("faq")
        .prefetch_related(Prefetch("replies", queryset=replies, to_attr="public_replies"))
    )
    paginator = Paginator(threads, settings.comments_per_page)
    paginator.count = counts["threads"]  # already counted above
    page = paginator.get_page(request.GET.get("comments_page"))
    if not counts["threads"]:
        page.object_list = []
    total = counts["threads"] + counts["replies"]
    is_open = moderation.comments_open(article, settings=settings)
    form = None
    replying_to = None
    if is_open:
        replying_to = _reply_target(request, page)
        # No form token here: the page is shared by every visitor and any cache
        # may keep it. The form fetches its token when the patient starts writing
        # (static/js/site.js); without JavaScript the comments app's own form page
        # gives one (comments.views).
        form = CommentForm(
            initial={"parent": replying_to.pk if replying_to else None},
            article=article,
            comment_settings=settings,
            clinic=context.get("clinic"),
            action=reverse("comments:post", kwargs={"slug": article.slug}),
        )
    # Staff who moderate reply under each comment, on the page itself. Only they
    # get these forms (with their CSRF token), and their pages are never cached:
    # they have a session, which the page cache and nginx pass straight through.
    can_moderate = request.user.has_perm("comments.change_comment")
    return {
        "request": request,
        "csrf_token": context.get("csrf_token"),
        "article": article,
        "page": page,
        "total": total,
        "is_open": is_open,
        "auto_approve_returning": settings.auto_approve_returning,
        "form": form,
        "replying_to": replying_to,
        "can_moderate": can_moderate,
        "signature_choices": services.signature_choices(request.user) if can_moderate else [],
    }


def _reply_target(request, page):
    """The comment named by ?replyto=, if it is a top-level comment on this page."""
    wanted = request.GET.get("replyto", "")
    for comment in page.object_list:
        if str(comment.pk) == wanted:
            return comment
    return None


@register.inclusion_tag("comments/admin_pending_panel.html", takes_context=True)
def pending_comments_panel(context):
    """The admin index box with the number of comments waiting for review."""
    request = context["request"]
    can_moderate = request.user.has_perm("comments.change_comment")
    return {
        "can_moderate": can_moderate,
        "count": services.pending_count() if can_moderate else 0,
        "queue_url": reverse("admin:comments_comment_changelist") + "?status=pending",
    }


@register.simple_tag(takes_context=True)
def comments_page_url(context, number):
    """The article's address with another page of comments. Absolute, because the
    thread is also shown at the form's address after a refused comment."""
    query = context["request"].GET.copy()
    query.pop("replyto", None)
    query["comments_page"] = number
    return context["article"].get_absolute_url() + "?" + query.urlencode() + "#comments"


@register.simple_tag(takes_context=True)
def reply_url(context, comment):
    query = context["request"].GET.copy()
    query["replyto"] = comment.pk
    return context["article"].get_absolute_url() + "?" + query.urlencode() + "#leave-a-reply"
