"""The site's own diagrams: hand-drawn SVG files under static/img/diagrams/.

They are part of the site, not uploads (an uploaded SVG could carry a script).
Each has a text alternative that says what the picture teaches, for people who
cannot see it, and a short caption everyone sees. Wording follows the articles:
IMS's way of working is Dr. Gunn's theory, so the diagrams say "may".
"""

from dataclasses import dataclass

from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

# Languages with their own copy of every diagram, the words inside it translated:
# static/img/diagrams/<slug>.<language>.svg beside the English <slug>.svg.
TRANSLATED_LANGUAGES = ("fr", "zh-hans", "zh-hant", "pa")


@dataclass(frozen=True)
class Diagram:
    slug: str
    label: str  # for staff choosing one in the admin
    file: str  # under static/
    width: int
    height: int
    alt: str
    caption: str

    @property
    def heading_id(self):
        return f"diagram-{self.slug}"

    def file_for(self, language):
        """The drawing with its words in `language`; English for any other."""
        language = (language or "").lower()
        if language not in TRANSLATED_LANGUAGES:
            return self.file
        stem, dot, extension = self.file.rpartition(".")
        return f"{stem}.{language}{dot}{extension}"

    @property
    def localized_file(self):
        """The file for the language of the page being shown."""
        return self.file_for(get_language())


HOW_IMS_WORKS = Diagram(
    slug="how-ims-works",
    label="How IMS works",
    file="img/diagrams/how-ims-works.svg",
    width=400,
    height=600,
    alt=(
        _(
            "Three steps. 1: a thin needle goes into a tight band of muscle. 2: the muscle "
            "may twitch or grip the needle for a moment, like a cramp. 3: the needle comes "
            "out, and the muscle may relax and lengthen. Dr. Gunn's theory is that this "
            "eases pressure on an irritated nerve; researchers do not yet know exactly how "
            "it works."
        )
    ),
    caption=(
        _(
            "How IMS may work. This follows Dr. Gunn's theory; researchers are still "
            "studying exactly why it helps some people."
        )
    ),
)

IMS_AND_ACUPUNCTURE = Diagram(
    slug="ims-and-acupuncture",
    label="IMS compared with acupuncture",
    file="img/diagrams/ims-and-acupuncture.svg",
    width=400,
    height=562,
    alt=(
        _(
            "Two side-by-side pictures. IMS: one needle goes deep into a tight muscle near "
            "the sore area and the spine, and comes straight out after a few seconds. "
            "Acupuncture: several needles go into set points along lines on the body, often "
            "far from the pain, and stay in for about 20 to 30 minutes."
        )
    ),
    caption=(
        _(
            "IMS needles go into tight muscles and come straight out; acupuncture needles "
            "go into set points and usually stay for 20 to 30 minutes."
        )
    ),
)

REFERRED_PAIN = Diagram(
    slug="referred-pain",
    label="Referred pain from the neck and shoulders",
    file="img/diagrams/referred-pain.svg",
    width=400,
    height=580,
    alt=(
        _(
            "The back of a head and shoulders. Tight spots (trigger points) are marked in "
            "three muscles, with where their pain is often felt. Upper trapezius, at the top "
            "of the shoulder: pain up the side of the neck to the temple. Suboccipital "
            "muscles, at the base of the skull: pain around the side of the head to behind "
            "the eye. Levator scapulae, at the side of the neck: pain at the corner of the "
            "neck and along the shoulder blade."
        )
    ),
    caption=(
        _(
            "Tight spots in neck and shoulder muscles can send pain somewhere else, such as "
            "the head. Patterns differ from person to person."
        )
    ),
)

CHEST_SAFETY = Diagram(
    slug="chest-safety",
    label="Extra care near the chest",
    file="img/diagrams/chest-safety.svg",
    width=400,
    height=560,
    alt=(
        _(
            "The upper body from the front and the back, with the areas over the lungs "
            "shaded: the upper chest, the ribs, the top of the shoulders and the upper back. "
            "A careful practitioner takes extra care with needles here. A warning box says: "
            "a collapsed lung is rare, but it can start hours to two days after treatment. "
            "Pain when you breathe, shortness of breath or a dry cough: call 911 or go to "
            "emergency, and say you had needling."
        )
    ),
    caption=(
        _(
            "Shaded: areas over the lungs where a careful practitioner takes extra care. "
            "Warning signs can start hours to two days after treatment."
        )
    ),
)

DIAGRAMS = {
    diagram.slug: diagram
    for diagram in (HOW_IMS_WORKS, IMS_AND_ACUPUNCTURE, REFERRED_PAIN, CHEST_SAFETY)
}
DIAGRAM_CHOICES = [(diagram.slug, diagram.label) for diagram in DIAGRAMS.values()]
