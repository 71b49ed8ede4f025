"""The rich-text editor staff use for article bodies, FAQ answers and page texts."""

from django import forms
from django.templatetags.static import static
from django.urls import reverse
from django_prose_editor.widgets import ProseEditorWidget

from .sanitizer import ALLOWED_URL_SCHEMES

# What the editor offers matches the allow-list in sanitizer.py, so nothing staff
# can write is silently removed when it is saved.
EDITOR_EXTENSIONS = {
    "Heading": {"levels": [2, 3, 4]},
    "Bold": True,
    "Italic": True,
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HardBreak": True,
    "Link": {"enableTarget": False, "protocols": sorted(ALLOWED_URL_SCHEMES)},
}


class RichTextWidget(ProseEditorWidget):
    """django-prose-editor's editor, started by static/js/rich_text_editor.js.

    The package's own start-up script needs an inline import map, which the site's
    Content Security Policy does not allow. Our script loads the editor module from
    the URL given in the textarea's configuration instead, so every script and style
    is a file under static/.
    """

    def __init__(self, attrs=None, images=False):
        # images: the picture button, which inserts a figure from the image library.
        self.images = images
        super().__init__(attrs, config={"extensions": EDITOR_EXTENSIONS}, preset="clinic")

    @property
    def media(self):
        return forms.Media(
            css={
                "all": [
                    "django_prose_editor/material-icons.css",
                    "django_prose_editor/editor.css",
                    "django_prose_editor/overrides.css",
                    "css/rich_text_editor.css",
                ]
            },
            js=[forms.Script("js/rich_text_editor.js", type="module")],
        )

    def get_config(self):
        extensions = dict(EDITOR_EXTENSIONS)
        if self.images:
            # The picture button's "Browse..." opens the image library's picker, which
            # fills in the picture's address, library number, text alternative and
            # caption. Reversed here, per page, not when the module is imported.
            extensions |= {
                "Figure": {"pickerUrl": reverse("admin:education_image_picker")},
                "Image": True,
                "Caption": True,
            }
        self.config = {"extensions": extensions}
        return super().get_config() | {"editor_module": static("django_prose_editor/editor.js")}
