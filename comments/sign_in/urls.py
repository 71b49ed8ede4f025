from django.http import Http404
from django.urls import include, path


def not_offered(request):
    raise Http404("Linking sign-in services to an account is not offered.")


# django-allauth's pages (sign in, sign out, each provider's start and return
# addresses). With SOCIALACCOUNT_ONLY it has no password or sign-up pages; the
# page for linking more services to one account is not offered either.
urlpatterns = [
    path("3rdparty/", not_offered),
    path("", include("allauth.urls")),
]
