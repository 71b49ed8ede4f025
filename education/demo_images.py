"""Pictures for the demo clinic: one library image drawn here with Pillow, the
diagrams on the articles they explain, and the body map's regions.

Called by ``load_demo_content`` after the text is loaded. Like the rest of the
demo, it only fills what is empty: a lead picture, diagram or region mapping that
staff have set is left alone.
"""

import io

from django.core.files.base import ContentFile
from PIL import Image as PILImage
from PIL import ImageDraw

from . import body_map, images, services
from .models import Article, BodyRegion, Condition, Image

STRETCH_TITLE = "Gentle neck stretch at home (drawing)"
STRETCH = {
    "title": STRETCH_TITLE,
    "alt_text": (
        "Drawing of a person sitting cross-legged on an exercise mat by a window, one "
        "hand on their head for a gentle neck stretch."
    ),
    "caption": (
        "Gentle movement, and the stretches your physiotherapist shows you, may help "
        "the ache after a session."
    ),
    "credit": "Drawing made for the clinic",
    "licence": "The clinic's own picture",
}
LEAD_IMAGES = {"what-to-expect": STRETCH_TITLE}
ARTICLE_DIAGRAMS = {
    "what-is-ims": "how-ims-works",
    "ims-and-acupuncture": "ims-and-acupuncture",
    "trigger-points-and-referred-pain": "referred-pain",
}
# Words in a condition's name that place it on the map (names may be edited, so
# whatever does not match is simply left for staff to map).
REGION_WORDS = {
    "head": ["headache", "myofascial"],
    "neck": ["neck", "headache", "myofascial", "nerve"],
    "shoulders": ["shoulder", "myofascial", "tendon"],
    "upper-back": ["back", "myofascial"],
    "lower-back": ["back", "chronic", "nerve"],
    "hip": ["osteoarthritis", "strain", "sports"],
    "elbow": ["tendon", "elbow", "strain"],
    "wrist-and-hand": ["carpal", "wrist", "nerve"],
    "knee": ["osteoarthritis", "sports", "knee"],
    "ankle-and-foot": ["sports", "strain", "ankle", "keep coming back"],
}
REGION_ARTICLES = {
    "head": ["trigger-points-and-referred-pain"],
    "neck": ["trigger-points-and-referred-pain", "what-is-ims"],
    "shoulders": ["trigger-points-and-referred-pain", "what-is-ims"],
    "upper-back": ["what-is-ims", "who-should-not-have-ims"],
    "lower-back": ["what-is-ims", "ims-and-nerve-pain"],
    "wrist-and-hand": ["ims-and-nerve-pain"],
}

# Files already made in this process, so reloading the demo (as the tests do for
# each test) does not redraw and re-encode the same picture.
_made = {}


def draw_stretch():
    """A flat illustration, 1600x1000: a person on a mat doing a side neck stretch."""
    width, height = 1600, 1000
    picture = PILImage.new("RGB", (width, height), "#e3f1ef")
    draw = ImageDraw.Draw(picture)
    # Floor, and a window with sky and hills (drawn apart, then set in its frame).
    draw.rectangle([0, 700, width, height], fill="#cfe3df")
    view = PILImage.new("RGB", (420, 380), "#bfe0f2")
    view_draw = ImageDraw.Draw(view)
    view_draw.ellipse([290, 40, 370, 120], fill="#ffd86b")
    view_draw.pieslice([-80, 230, 320, 630], 180, 360, fill="#7fbf9f")
    view_draw.pieslice([110, 270, 550, 710], 180, 360, fill="#5aa383")
    draw.rounded_rectangle([980, 120, 1460, 560], radius=24, fill="#ffffff")
    picture.paste(view, (1010, 150))
    draw.line([1220, 150, 1220, 530], fill="#ffffff", width=14)
    # A plant in a pot.
    draw.polygon([(180, 700), (300, 700), (280, 820), (200, 820)], fill="#c25400")
    for dx, top in [(-70, 470), (0, 420), (70, 480), (-30, 540), (40, 560)]:
        draw.ellipse([240 + dx - 45, top, 240 + dx + 45, top + 170], fill="#0b5e5a")
    # The mat.
    draw.rounded_rectangle([420, 800, 1180, 850], radius=25, fill="#0a5a8a")
    # The person, sitting cross-legged, head tilted to the right, hand over the head.
    skin, shirt, trousers, hair = "#d9a27a", "#f1f4f6", "#1f2a30", "#3b2a20"
    draw.rounded_rectangle([560, 720, 1040, 810], radius=45, fill=trousers)
    draw.rounded_rectangle([660, 470, 900, 760], radius=90, fill=shirt)
    draw.line([(700, 540), (600, 680), (700, 760)], fill=shirt, width=60, joint="curve")
    draw.line([(860, 520), (930, 330), (870, 290)], fill=shirt, width=56, joint="curve")
    draw.polygon([(760, 480), (810, 480), (815, 410), (770, 400)], fill=skin)  # neck
    draw.ellipse([745, 290, 875, 420], fill=skin)  # head, tilted to the right
    draw.chord([745, 282, 880, 400], 190, 350, fill=hair)
    draw.ellipse([840, 265, 900, 325], fill=skin)  # the hand resting on the head
    draw.ellipse([690, 730, 750, 790], fill=skin)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    return buffer.getvalue()


def ensure_library_image(data, draw):
    image = Image.objects.filter(title=data["title"]).first()
    if image is not None:
        return image, False
    made = _made.get(data["title"])
    if made and Image._meta.get_field("file").storage.exists(made["file"]):
        return Image.objects.create(**data, **made), True
    upload = ContentFile(draw(), name="drawing.png")
    image = Image(**data, file=images.clean_upload(upload))
    services.image_save(image=image, file_changed=True)
    _made[data["title"]] = {"file": image.file.name, "renditions": image.renditions}
    return image, True


def load(stdout=None):
    """Add the demo pictures; returns how many items were new."""
    created = 0
    body_map.ensure_regions(BodyRegion)
    stretch, new = ensure_library_image(STRETCH, draw_stretch)
    created += new
    pictures = {STRETCH_TITLE: stretch}
    for slug, title in LEAD_IMAGES.items():
        created += Article.objects.filter(slug=slug, lead_image=None).update(
            lead_image=pictures[title]
        )
    for slug, diagram in ARTICLE_DIAGRAMS.items():
        created += Article.objects.filter(slug=slug, diagram="").update(diagram=diagram)
    conditions = list(Condition.objects.all())
    for region in BodyRegion.objects.prefetch_related("conditions", "articles"):
        if not region.conditions.all():
            words = REGION_WORDS.get(region.slug, [])
            matched = [c for c in conditions if any(w in c.name.lower() for w in words)]
            region.conditions.add(*matched)
            created += bool(matched)
        if not region.articles.all():
            slugs = REGION_ARTICLES.get(region.slug, ["what-is-ims"])
            region.articles.add(*Article.objects.filter(slug__in=slugs))
    return created
