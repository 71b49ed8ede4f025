import pytest
from django.contrib import admin
from django.urls import reverse

from education.models import ClinicProfile
from tests.factories import ArticleFactory

pytestmark = pytest.mark.django_db


def registered_models():
    return [model for model in admin.site._registry]


def test_every_admin_changelist_and_add_page_opens(admin_client, demo_content):
    for model in registered_models():
        opts = model._meta
        changelist = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")
        response = admin_client.get(changelist, follow=True)
        assert response.status_code == 200, changelist
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")
        # The one clinic profile and the login protection's records are never added by hand.
        expected = 403 if model is ClinicProfile or opts.app_label == "axes" else 200
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
