"""The sign-in pages may send their forms on to the providers' sign-in pages.

The site's Content Security Policy lets forms lead only to the site itself
(``form-action 'self'``), and browsers hold a form to it through redirects too.
Starting a sign-in is a form (a POST with a CSRF token) whose answer redirects
to the provider, so django-allauth's pages add the origins of the providers the
clinic has set up, and nothing else; every other page keeps the policy as it is.
"""

from csp.decorators import csp_update

from .services import provider_origins


class SignInFormActionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if match is None or not match.func.__module__.startswith("allauth."):
            return response
        origins = provider_origins(request)
        if not origins:
            return response
        # The public way django-csp offers to widen one response's policy.
        return csp_update({"form-action": origins})(lambda: response)()
