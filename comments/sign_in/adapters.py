"""How django-allauth treats patients who sign in to comment.

- A patient account is made from the provider's answer with the name and e-mail
  address only; of the provider's data nothing else is stored.
- It has no password and is never staff: it cannot open the admin, and the staff
  sign-in (the admin, with its lock-out) is not affected by it.
- A provider can never sign anyone in to a staff account, nor be linked to one:
  staff sign in with their password, where the lock-out protects them.
"""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.core.exceptions import ImmediateHttpResponse
from allauth.socialaccount.adapter import DefaultSocialAccountAdapter
from allauth.socialaccount.providers.base import AuthProcess
from django.shortcuts import render


def is_staff_account(user):
    return user is not None and user.pk is not None and (user.is_staff or user.is_superuser)


class PatientAccountAdapter(DefaultAccountAdapter):
    def is_open_for_signup(self, request):
        # No sign-up form of our own: accounts come only from a provider (below).
        return False

    def get_login_redirect_url(self, request):
        return "/"

    def get_logout_redirect_url(self, request):
        return "/"


class PatientSocialAccountAdapter(DefaultSocialAccountAdapter):
    def is_open_for_signup(self, request, sociallogin):
        return True

    def populate_user(self, request, sociallogin, data):
        user = super().populate_user(request, sociallogin, data)
        user.is_staff = False
        user.is_superuser = False
        # The provider may send a picture, a profile link, a locale...: only the
        # name and e-mail address are kept. (allauth stores this on every sign-in.)
        name = data.get("name") or " ".join(p for p in (user.first_name, user.last_name) if p)
        sociallogin.account.extra_data = {"name": name, "email": user.email}
        return user

    def pre_social_login(self, request, sociallogin):
        if sociallogin.state.get("process") == AuthProcess.CONNECT:
            refuse(request, "Linking a sign-in service to an account is not offered on this site.")
        if is_staff_account(sociallogin.user):
            refuse(
                request,
                "Staff accounts cannot be used with a sign-in service. Please sign in to "
                "the staff area with your user name and password.",
            )

    def save_user(self, request, sociallogin, form=None):
        user = sociallogin.user
        user.is_staff = False
        user.is_superuser = False
        return super().save_user(request, sociallogin, form)


def refuse(request, reason):
    response = render(request, "accounts/refused.html", {"reason": reason}, status=403)
    response["Cache-Control"] = "no-store, private"
    raise ImmediateHttpResponse(response)
