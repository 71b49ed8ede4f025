from django.urls import include, path

# django-allauth's pages (sign in, sign out, each provider's start and return
# addresses). With SOCIALACCOUNT_ONLY it has no password or sign-up pages.
urlpatterns = [
    path("", include("allauth.urls")),
]
