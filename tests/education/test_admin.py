import pytest
from django.contrib import admin
from django.test import RequestFactory
from django.urls import reverse

from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def registered_models():
    return [model for model in admin.site._registry]


def test_every_admin_changelist_and_add_page_opens(admin_client, superuser, demo_content):
    request = RequestFactory().get("/")
    request.user = superuser
    for model, model_admin in admin.site._registry.items():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = admin_client.get(changelist, follow=True)
        assert response.status_code == 200, changelist
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        # Single-row settings that exist already, the login protection's records and
        # the record of changes are never added by hand: their admins say so.
        expected = 200 if model_admin.has_add_permission(request) else 403
        assert admin_client.get(add).status_code == expected, add


def test_every_admin_change_page_opens(admin_client, demo_content):
    for model in registered_models():
        obj = model._default_manager.first()
        if obj is None:
            continue
        opts = model._meta
        url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        assert admin_client.get(url).status_code == 200, url


def test_admin_is_branded_with_the_clinic_name(admin_client, clinic):
    html = admin_client.get(reverse("admin:index")).content.decode()
    assert f"{clinic.name} website" in html


def test_clinic_profile_list_goes_straight_to_the_one_profile(admin_client, clinic):
    response = admin_client.get(reverse("admin:education_clinicprofile_changelist"))
    assert response.status_code == 302
    assert response.url == reverse("admin:education_clinicprofile_change", args=[1])


def test_staff_change_the_clinic_phone_in_the_admin(admin_client, clinic, client):
    url = reverse("admin:education_clinicprofile_change", args=[clinic.pk])
    data = {
        "name": clinic.name,
        "street_address": clinic.street_address,
        "city": clinic.city,
        "region": "BC",
        "postal_code": "V5K 0A1",
        "country": "CA",
        "phone": "604-555-0177",
        "email": "",
        "opening_hours": "",
        "booking_url": "",
    }
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert "604-555-0177" in client.get(reverse("education:home")).content.decode()


def test_article_changelist_links_to_the_page_on_the_site(admin_client, clinic):
    article = ArticleFactory()
    html = admin_client.get(reverse("admin:education_article_changelist")).content.decode()
    assert f'href="{article.get_absolute_url()}"' in html
