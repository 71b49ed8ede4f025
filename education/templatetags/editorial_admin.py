"""The admin home page's panels about articles: reviews due, drafts, scheduled."""

from django import template
from django.urls import reverse

from education.admin_editorial import REVIEW_SOON_DAYS, review_state
from education.admin_review import waiting_lists
from education.models import Article

register = template.Library()


@register.inclusion_tag("admin/education/dashboard.html", takes_context=True)
def editorial_dashboard(context):
    user = context["request"].user
    if not user.has_perm("education.view_article"):
        return {"can_view": False}
    articles = Article.objects.all()
    changelist = reverse("admin:education_article_changelist")
    review_due = list(
        articles.review_due(within_days=REVIEW_SOON_DAYS).order_by("next_review_due", "title")
    )
    scheduled = list(articles.scheduled().order_by("published_at"))
    return {
        **waiting_lists(user),
        "can_view": True,
        "soon_days": REVIEW_SOON_DAYS,
        "overdue_count": articles.review_overdue().count(),
        "review_due": [(article, review_state(article)) for article in review_due],
        "draft_count": articles.drafts().count(),
        "scheduled": scheduled,
        "overdue_url": f"{changelist}?review=overdue",
        "review_due_url": f"{changelist}?review=due",
        "drafts_url": f"{changelist}?publication=draft",
        "scheduled_url": f"{changelist}?publication=scheduled",
    }
