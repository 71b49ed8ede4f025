from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from clinic_site.languages import language_offer
from clinic_site.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    # Sign-in to comment: one address per provider's return page, registered with
    # the provider, so it carries no language prefix.
    path("accounts/", include("comments.sign_in.urls")),
]
# The public site in every language: English at /, the others under their prefix
# (/fr/, /zh-hans/, /zh-hant/, /pa/). The address alone says the language
# (clinic_site/languages.py), so a cached page is right for everyone who asks for it.
urlpatterns += i18n_patterns(
    path("language-offer.json", language_offer, name="language-offer"),
    path("", include("comments.urls")),
    path("", include("education.urls")),
    prefix_default_language=False,
)

if settings.SERVE_MEDIA:
    # Development, tests and the local try-out only: a real server has nginx or the
    # object store serve MEDIA_URL (README, "Media files").
    urlpatterns.insert(
        0,
        re_path(
            rf"^{settings.MEDIA_URL.lstrip('/')}(?P<path>.*)$",
            serve,
            {"document_root": settings.MEDIA_ROOT},
        ),
    )

handler404 = "education.views.page_not_found"
handler500 = "education.views.server_error"
