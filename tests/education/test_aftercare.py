import datetime
import re

import pytest
from django.urls import reverse

from tests.factories import AftercareTipFactory, SitePageFactory

pytestmark = pytest.mark.django_db


def test_aftercare_sheet_names_the_clinic_its_phone_and_the_review_date(client, clinic):
    SitePageFactory(key="aftercare", last_reviewed=datetime.date(2026, 2, 3))
    AftercareTipFactory(kind="urgent", title="Sudden shortness of breath")

    html = client.get(reverse("education:aftercare")).content.decode()

    letterhead = re.search(r'<p class="print-letterhead[^"]*"[^>]*>(.*?)</p>', html, re.S).group(1)
    assert "Harbour Test Physiotherapy" in letterhead
    assert "604-555-0100" in letterhead
    assert "Last reviewed 3 February 2026" in html
    urgent = re.search(r'<section class="[^"]*urgent-box.*?</section>', html, re.S).group(0)
    assert "Get urgent help" in urgent and "Sudden shortness of breath" in urgent
