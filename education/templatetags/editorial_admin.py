"""The admin home page's panels about articles: reviews due, drafts, scheduled."""

import datetime

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import localize
from django.utils.translation import gettext

from education.admin_editorial import REVIEW_SOON_DAYS, review_state
from education.admin_review import waiting_lists
from education.models import Article, EditorialSettings, SitePage
from education.services import add_months

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
    without_sources = list(articles.without_sources().order_by("title"))
    return {
        "without_sources": without_sources,
        "page_checks_due": page_checks_due(),
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


def page_checks_due():
    """Fixed pages with dates and amounts whose check is overdue or due soon.

    The costs and coverage page is due again ``review_interval_months`` after the
    date staff last checked it, like an article's medical review.
    """
    today = timezone.localdate()
    horizon = today + datetime.timedelta(days=REVIEW_SOON_DAYS)
    months = EditorialSettings.load().review_interval_months
    due = []
    for page in SitePage.objects.filter(key=SitePage.Key.COVERAGE):
        if page.last_reviewed is None:
            due.append((page, gettext("Never checked")))
            continue
        next_check = add_months(page.last_reviewed, months)
        if next_check < today:
            due.append(
                (page, gettext("Check overdue since %(date)s") % {"date": localize(next_check)})
            )
        elif next_check <= horizon:
            due.append((page, gettext("Check due %(date)s") % {"date": localize(next_check)}))
    return due
