"""Patients' optional sign-in to comment, through django-allauth.

Off until staff set up a provider (a SocialApp) in the admin. Only the name and
e-mail address are kept; patient accounts never become staff. See the README,
"Sign in to comment".
"""
