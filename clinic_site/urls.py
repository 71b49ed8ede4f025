from django.conf import settings
from django.contrib import admin
from django.urls import include, path

from clinic_site.views import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("comments.urls")),
    path("", include("education.urls")),
]

handler404 = "education.views.page_not_found"
handler500 = "education.views.server_error"
