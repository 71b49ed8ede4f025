"""The identity provider's data: its tables, one person, and the clinic site
registered as its client, from the IDP_* values in the environment. The server
runs it when it starts (wsgi.py), into its in-memory database."""

import os


def prepare():
    from django.contrib.auth import get_user_model
    from django.core.management import call_command
    from oauth2_provider.models import Application

    call_command("migrate", verbosity=0)
    get_user_model().objects.create_user(
        username=os.environ["IDP_USERNAME"],
        password=os.environ["IDP_PASSWORD"],
        first_name=os.environ["IDP_FIRST_NAME"],
        last_name=os.environ["IDP_LAST_NAME"],
        email=os.environ["IDP_EMAIL"],
    )
    Application.objects.create(
        name="Clinic website",
        client_id=os.environ["IDP_CLIENT_ID"],
        client_secret=os.environ["IDP_CLIENT_SECRET"],
        client_type=Application.CLIENT_CONFIDENTIAL,
        authorization_grant_type=Application.GRANT_AUTHORIZATION_CODE,
        redirect_uris=os.environ["IDP_REDIRECT_URI"],
        algorithm=Application.RS256_ALGORITHM,
    )
