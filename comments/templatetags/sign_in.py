"""Sign-in offers for the comment form.

``{% sign_in_offer next_url %}`` is the same for every visitor (cached pages may
show it): a plain link to the sign-in page, only while a provider is set up.
``{% signed_in_as next_url %}`` is per visitor, for never-cached pages only.
"""

from django import template
from django.urls import reverse
from django.utils.html import format_html
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.text import get_text_list

from comments.sign_in import services

register = template.Library()


def with_next(url_name, next_url):
    url = reverse(url_name)
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


@register.inclusion_tag("accounts/sign_in_offer.html")
def sign_in_offer(next_url="", back_url=""):
    """``next_url``: where signing in leads (the comment form); ``back_url``: where
    signing out returns to, for a signed-in visitor's copy of the form (site.js)."""
    names = services.provider_names()
    return {
        "providers": get_text_list(list(names), "or") if names else "",
        "sign_in_url": with_next("account_login", next_url),
        "sign_out_url": with_next("account_logout", back_url or next_url),
    }


@register.inclusion_tag("accounts/signed_in_as.html", takes_context=True)
def signed_in_as(context, next_url=""):
    request = context["request"]
    return {
        "request": request,
        "details": services.commenter_details(request.user),
        "next_url": next_url,
    }


@register.simple_tag(takes_context=True)
def back_link(context, text="Go back"):
    """A link back to the page the visitor came from (``?next=``), if it is on this site."""
    request = context["request"]
    wanted = request.POST.get("next") or request.GET.get("next") or ""
    if not wanted or not url_has_allowed_host_and_scheme(
        wanted, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return ""
    return format_html('<p class="mt-4"><a href="{}">{}</a></p>', wanted, text)
