from oauth2_provider.oauth2_validators import OAuth2Validator


class PersonClaims(OAuth2Validator):
    """What the provider says about the person, as big providers do: more than a
    site should keep (a picture, a locale), so the test can see what is kept."""

    def get_additional_claims(self, request):
        user = request.user
        return {
            "name": user.get_full_name(),
            "given_name": user.first_name,
            "family_name": user.last_name,
            "email": user.email,
            "email_verified": True,
            "picture": "http://127.0.0.1/pictures/face.jpg",
            "locale": "en-CA",
        }
