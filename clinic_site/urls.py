from django.conf import settings
from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path(settings.ADMIN_URL, admin.site.urls),
    path("", include("education.urls")),
]

handler404 = "education.views.page_not_found"
handler500 = "education.views.server_error"
