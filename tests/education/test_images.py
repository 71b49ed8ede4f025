"""The image library: required text alternatives, upload checks, metadata, renditions."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.urls import reverse
from PIL import Image as PILImage

from education import images, services
from education.models import Article, Image
from tests import pictures
from tests.factories import ArticleFactory, FAQFactory, ReviewerFactory

pytestmark = pytest.mark.django_db


def make_image(**fields):
    data = {"title": "Treatment room", "alt_text": "A bright treatment room with a bed."}
    data.update(fields)
    image = Image(**data, file=images.clean_upload(ContentFile(pictures.png(), name="x.png")))
    return services.image_save(image=image, file_changed=True)


@pytest.fixture
def library_image():
    return make_image()


def post_image(client, data, **fields):
    form = {
        "title": "Clinic front desk",
        "alt_text": "The clinic's front desk with a physiotherapist smiling.",
        "caption": "Our front desk.",
        "credit": "Photo: the clinic",
        "licence": "The clinic's own photo",
        "file": pictures.upload(data),
    }
    form.update(fields)
    return client.post(reverse("admin:education_image_add"), form)


def stored_files():
    root = Path(settings.MEDIA_ROOT)
    return sorted(str(path) for path in root.rglob("*") if path.is_file())


def test_an_image_without_a_text_alternative_is_refused_and_the_form_keeps_the_rest(
    admin_client,
):
    response = post_image(admin_client, pictures.png(), alt_text="  ")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Say what the picture shows or teaches" in html
    assert 'value="Clinic front desk"' in html  # what staff typed is kept
    assert not Image.objects.exists()


def test_a_decorative_image_has_an_empty_alt_and_cannot_also_have_a_text_alternative(
    admin_client,
):
    refused = post_image(admin_client, pictures.png(), is_decorative="on")
    assert "A decorative picture has no text alternative" in refused.content.decode()

    accepted = post_image(admin_client, pictures.png(), is_decorative="on", alt_text="")
    assert accepted.status_code == 302
    image = Image.objects.get()
    assert image.alt == ""
    assert 'alt=""' in image.picture_html()


def test_the_database_refuses_an_image_with_neither_text_alternative_nor_decorative_tick():
    from django.db import IntegrityError, transaction

    image = make_image()
    with pytest.raises(IntegrityError), transaction.atomic():
        Image.objects.filter(pk=image.pk).update(alt_text="")


def test_location_and_camera_details_are_gone_from_the_stored_jpeg(admin_client):
    original = pictures.jpeg_with_gps()
    with PILImage.open(pictures.upload(original)) as before:  # the test file really has them
        assert before.getexif().get_ifd(0x8825)[2] == (49.0, 12.0, 30.5)
        assert before.getexif()[0x010F] == pictures.CAMERA_MAKE

    response = post_image(admin_client, original)

    assert response.status_code == 302
    image = Image.objects.get()
    with image.file.open("rb") as stored:
        data = stored.read()
    with PILImage.open(image.file.path) as after:
        assert after.format == "JPEG"
        assert after.size == (900, 600)
        assert not after.getexif()
        assert not after.getexif().get_ifd(0x8825)
        assert "exif" not in after.info
    assert pictures.CAMERA_MAKE.encode() not in data
    assert b"Exif" not in data
    for name in images.stored_renditions(image):
        with image.file.storage.open(name) as rendition:
            assert pictures.CAMERA_MAKE.encode() not in rendition.read()


def test_the_stored_file_has_a_random_name(admin_client):
    post_image(
        admin_client, pictures.png(), file=pictures.upload(pictures.png(), "jane-at-home.png")
    )

    name = Image.objects.get().file.name
    assert "jane" not in name
    assert re.fullmatch(r"images/[0-9a-f]{32}\.png", name)


@pytest.mark.parametrize(
    ("data", "name", "message"),
    [
        (
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "logo.svg",
            "SVG files cannot be uploaded",
        ),
        (b"%PDF-1.7 not a picture", "leaflet.jpg", "not a picture that can be read"),
        (pictures.png_header_only(7000, 7000), "huge.png", "more than 40 megapixels"),
        (pictures.png_header_only(30000, 30000), "bomb.png", "far more than 40 megapixels"),
        (pictures.png(120, 80), "tiny.png", "at least 200 pixels"),
    ],
)
def test_uploads_that_are_not_safe_pictures_are_refused_with_a_clear_message(
    admin_client, data, name, message
):
    response = post_image(admin_client, data, file=pictures.upload(data, name))

    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Image.objects.exists()


def test_a_gif_is_refused_because_only_jpeg_png_webp_and_avif_are_allowed(admin_client):
    import io

    buffer = io.BytesIO()
    PILImage.new("RGB", (300, 300)).save(buffer, "GIF")
    response = post_image(
        admin_client, buffer.getvalue(), file=pictures.upload(buffer.getvalue(), "a.gif")
    )

    assert "This is a GIF file" in response.content.decode()


def test_renditions_are_made_once_at_upload_and_pages_only_link_to_them(client, library_image):
    webp = library_image.renditions["webp"]
    assert [width for width, _h, _n in webp] == [400, 800]
    if images.AVIF_SUPPORTED:
        assert [width for width, _h, _n in library_image.renditions["avif"]] == [400, 800]
    assert library_image.renditions["share"][:2] == [1200, 630]
    for name in images.stored_renditions(library_image):
        assert library_image.file.storage.exists(name)
        with PILImage.open(library_image.file.storage.path(name)) as rendition:
            assert rendition.format in {"WEBP", "AVIF", "JPEG"}

    article = ArticleFactory(lead_image=library_image)
    before = stored_files()
    client.get(article.get_absolute_url())
    client.get(article.get_absolute_url())
    assert stored_files() == before  # no request made a file


def test_an_article_lead_image_is_responsive_fetched_first_and_shared(client, library_image):
    article = ArticleFactory(lead_image=library_image)

    html = client.get(article.get_absolute_url()).content.decode()

    tag = re.search(r"<img\b[^>]*>", html.split('id="article-heading"')[1]).group(0)
    assert 'fetchpriority="high"' in tag and 'loading="lazy"' not in tag
    assert 'width="800" height="500"' in tag
    assert re.search(r'srcset="[^"]+-400\.webp 400w, [^"]+-800\.webp 800w"', tag)
    assert 'alt="A bright treatment room with a bed."' in tag
    if images.AVIF_SUPPORTED:
        assert '<source type="image/avif"' in html
    share = library_image.renditions["share"][2]
    assert f'<meta property="og:image" content="http://testserver/media/{share}">' in html
    assert '<meta name="twitter:card" content="summary_large_image">' in html
    data = [
        json.loads(block)
        for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    page = next(item for item in data if item["@type"] == "MedicalWebPage")
    assert page["image"] == f"http://testserver/media/{share}"


def test_an_article_without_a_lead_image_has_no_og_image(client, db):
    html = client.get(ArticleFactory().get_absolute_url()).content.decode()
    assert "og:image" not in html


def test_a_library_figure_in_an_article_body_shows_the_library_picture_and_alt(
    client, library_image
):
    body = (
        '<p>Before.</p><figure><img src="/anything.jpg" alt="typed by hand" '
        f'data-file="{library_image.pk}"><figcaption>The <strong>room</strong>.</figcaption>'
        "</figure><p>After.</p>"
    )
    article = ArticleFactory(body=body)

    html = client.get(article.get_absolute_url()).content.decode()

    figure = re.search(r'<figure class="library-figure">.*?</figure>', html, re.S).group(0)
    assert 'alt="A bright treatment room with a bed."' in figure
    assert "typed by hand" not in html and "/anything.jpg" not in html
    assert 'loading="lazy" decoding="async"' in figure
    assert '<figcaption class="figure-caption">The <strong>room</strong>.' in figure


def test_a_figure_whose_picture_left_the_library_is_left_out(client, library_image):
    article = ArticleFactory(
        body=f'<figure><img src="/x.jpg" alt="" data-file="{library_image.pk}"></figure>'
    )
    services.image_delete(image=library_image)

    html = client.get(article.get_absolute_url()).content.decode()
    assert "<figure" not in html.split('class="prose"')[1].split("</div>")[0]


def test_the_sanitiser_keeps_exactly_library_figures_in_article_bodies(db):
    article = ArticleFactory(
        body=(
            '<figure class="x" onclick="evil()"><img src="/media/a.webp" alt="A" data-file="7" '
            'style="width:9999px" onerror="evil()"><figcaption>Cap</figcaption></figure>'
            '<p><img src="https://elsewhere.example/tracker.gif" alt="hand-typed"></p>'
            '<figure><img src="/x.jpg" data-file="7;alert(1)"></figure>'
            '<img src="javascript:alert(1)" data-file="3">'
        )
    )
    article.refresh_from_db()

    assert article.body.startswith(
        '<figure><img src="/media/a.webp" alt="A" data-file="7"><figcaption>Cap</figcaption>'
        "</figure>"
    )
    assert "tracker.gif" not in article.body
    assert "alert" not in article.body and "evil" not in article.body
    assert "style" not in article.body


def test_other_rich_text_keeps_no_pictures_at_all(db):
    faq = FAQFactory(answer='<p>Yes.</p><figure><img src="/a.webp" alt="A" data-file="7"></figure>')
    faq.refresh_from_db()
    assert "<img" not in faq.answer and "<figure" not in faq.answer


def test_the_article_editor_offers_the_picture_button_with_the_library_picker(admin_client):
    html = admin_client.get(reverse("admin:education_article_add")).content.decode()

    config = re.search(r'data-django-prose-editor-clinic="([^"]+)"', html).group(1)
    config = json.loads(config.replace("&quot;", '"'))
    assert config["extensions"]["Figure"] == {"pickerUrl": reverse("admin:education_image_picker")}
    assert "Caption" in config["extensions"] and "Image" in config["extensions"]
    faq_html = admin_client.get(reverse("admin:education_faq_add")).content.decode()
    assert "pickerUrl" not in faq_html


def test_the_picker_lists_library_pictures_with_their_alt_text_and_caption(
    admin_client, library_image
):
    library_image.caption = "Our room."
    library_image.save()

    html = admin_client.get(
        reverse("admin:education_image_picker") + "?CKEditorFuncNum=3"
    ).content.decode()

    assert f'data-id="{library_image.pk}"' in html
    assert 'data-alt="A bright treatment room with a bed."' in html
    assert 'data-caption="Our room."' in html
    assert "js/image_picker.js" in html


def test_the_picker_is_for_staff_only(client, library_image):
    response = client.get(reverse("admin:education_image_picker"))
    assert response.status_code == 302
    assert reverse("admin:login") in response["Location"]


def test_replacing_a_picture_removes_the_old_files(
    library_image, django_capture_on_commit_callbacks
):
    old = [library_image.file.name, *images.stored_renditions(library_image)]
    library_image.file = images.clean_upload(
        ContentFile(pictures.png(640, 480, "#c25400"), "n.png")
    )
    with django_capture_on_commit_callbacks(execute=True):
        services.image_save(image=library_image, file_changed=True)

    for name in old:
        assert not library_image.file.storage.exists(name)
    assert library_image.file.storage.exists(library_image.file.name)
    assert library_image.renditions["webp"][-1][:2] == [640, 480]


def test_demo_content_has_a_library_image_with_a_text_alternative_as_a_lead_image(
    client, demo_content
):
    article = Article.objects.exclude(lead_image=None).select_related("lead_image").first()

    assert article is not None
    assert article.lead_image.alt_text and not article.lead_image.is_decorative
    assert article.lead_image.credit_line
    html = client.get(article.get_absolute_url()).content.decode()
    assert 'fetchpriority="high"' in html


def test_a_practitioner_photo_shows_small_with_its_text_alternative(client, clinic):
    photo = make_image(title="Daniel", alt_text="Daniel Okafor smiling in the treatment room.")
    ReviewerFactory(name="Daniel Okafor", slug="daniel-okafor", photo=photo)
    ReviewerFactory(name="No Photo Person", slug="no-photo")

    html = client.get(reverse("education:practitioners")).content.decode()

    tags = re.findall(r"<img [^>]+>", html)
    assert len(tags) == 1
    assert 'alt="Daniel Okafor smiling in the treatment room."' in tags[0]
    assert 'class="practitioner-photo"' in tags[0]
    # A small picture in a list of people: loaded lazily, never fetched first.
    assert 'loading="lazy"' in tags[0] and "fetchpriority" not in tags[0]


def test_staff_choose_a_practitioner_photo_from_the_library(admin_client):
    photo = make_image(alt_text="Priya Sandhu at the front desk.")
    reviewer = ReviewerFactory()
    page = admin_client.get(reverse("admin:education_reviewer_change", args=[reviewer.pk]))
    assert 'name="photo"' in page.content.decode()
    reviewer.photo = photo
    reviewer.save()
    html = admin_client.get(reverse("education:practitioners")).content.decode()
    assert 'alt="Priya Sandhu at the front desk."' in html
