from django.conf import settings
from django.contrib import admin
from django.urls import include, path, re_path
from django.views.static import serve

from clinic_site.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("accounts/", include("comments.sign_in.urls")),
    path("", include("comments.urls")),
    path("", include("education.urls")),
]

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
