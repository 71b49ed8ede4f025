"""The "Where does it hurt?" body map: real links, a plain list, region pages."""

import re

import pytest
from django.urls import reverse

from education import body_map
from education.models import BodyRegion
from tests.factories import ArticleFactory, ConditionFactory

pytestmark = pytest.mark.django_db

REGION_NAMES = [
    "Head",
    "Neck",
    "Shoulders",
    "Upper back",
    "Lower back",
    "Hip",
    "Elbow",
    "Wrist and hand",
    "Knee",
    "Ankle and foot",
]


def test_the_migration_creates_every_region_the_map_draws():
    assert list(BodyRegion.objects.values_list("name", flat=True)) == REGION_NAMES
    assert {shape.slug for shape in body_map.REGION_SHAPES} == set(
        BodyRegion.objects.values_list("slug", flat=True)
    )


def test_every_region_is_a_named_link_on_the_map_and_in_the_plain_list(client, clinic):
    html = client.get(reverse("education:body-map")).content.decode()

    svg = re.search(r"<svg class=\"body-map-svg\".*?</svg>", html, re.S).group(0)
    plain_list = re.search(r'<ul class="body-map-list.*?</ul>', html, re.S).group(0)
    for region in BodyRegion.objects.all():
        url = region.get_absolute_url()
        assert re.search(
            rf'<a href="{url}" class="body-map-region" aria-label="{region.name} \(', svg
        )
        assert f'<a href="{url}">{region.name}</a>' in plain_list
    # Links work without any script: the page needs none beyond the site's own.
    assert "onclick" not in svg and "<script" not in svg


def test_every_map_target_is_at_least_24_css_pixels_on_a_390_pixel_phone():
    content_width = 390 - 24  # the container's padding
    scale = content_width / 440  # the map's viewBox is 440 units wide
    assert 2 * body_map.TARGET_RADIUS * scale >= 24
    # ...and targets never overlap, so each keeps its whole area.
    points = [
        (x + (body_map.BACK_OFFSET if view == "back" else 0), y)
        for shape in body_map.REGION_SHAPES
        for view in ("front", "back")
        for x, y in getattr(shape, view)
    ]
    for i, (x1, y1) in enumerate(points):
        for x2, y2 in points[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= 2 * body_map.TARGET_RADIUS


def test_a_region_page_lists_its_published_conditions_and_articles(client, clinic):
    neck = BodyRegion.objects.get(slug="neck")
    shown = ConditionFactory(name="Tension headaches")
    hidden = ConditionFactory(name="Hidden condition", is_published=False)
    article = ArticleFactory(title="Neck pain and IMS")
    draft = ArticleFactory(title="Draft about necks", status="draft")
    neck.conditions.add(shown, hidden)
    neck.articles.add(article, draft)

    response = client.get(neck.get_absolute_url())

    html = response.content.decode()
    assert response.status_code == 200
    assert '<h1 class="mb-2">Neck pain</h1>' in html
    assert "Tension headaches" in html and article.get_absolute_url() in html
    assert "Hidden condition" not in html and "Draft about necks" not in html


def test_a_region_without_conditions_points_to_the_full_list(client, clinic):
    html = client.get(BodyRegion.objects.get(slug="knee").get_absolute_url()).content.decode()
    assert reverse("education:conditions") in html


def test_the_conditions_page_shows_the_map_and_the_home_page_links_to_it(client, clinic):
    conditions = client.get(reverse("education:conditions")).content.decode()
    home = client.get(reverse("education:home")).content.decode()

    assert 'class="body-map-svg"' in conditions
    assert f'href="{reverse("education:body-map")}"' in home


def test_staff_map_regions_to_conditions_in_the_admin(admin_client, clinic):
    condition = ConditionFactory(name="Tennis elbow")
    elbow = BodyRegion.objects.get(slug="elbow")

    response = admin_client.post(
        reverse("admin:education_bodyregion_change", args=[elbow.pk]),
        {
            "name": "Elbow",
            "intro": "Pain on the outside of the elbow.",
            "order": 7,
            "conditions": [condition.pk],
            "articles": [],
        },
    )

    assert response.status_code == 302
    assert list(elbow.conditions.all()) == [condition]
    assert admin_client.get(reverse("admin:education_bodyregion_add")).status_code == 403


def test_demo_content_maps_every_region_to_something(demo_content):
    for region in BodyRegion.objects.all():
        assert region.conditions.exists() or region.articles.exists(), region
