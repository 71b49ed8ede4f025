from django import forms
from django.db import models

from .sanitizer import sanitize_html
from .widgets import RichTextWidget


class SanitizedHTMLField(models.TextField):
    """A text field for staff rich text that is cleaned with nh3 before it is stored.

    Forms show it with the rich-text editor, also in the admin, which would
    otherwise swap in its plain text box.
    """

    def __init__(self, *args, allow_images=False, **kwargs):
        # allow_images: pictures from the image library may be put in (article bodies).
        self.allow_images = allow_images
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        if self.allow_images:
            kwargs["allow_images"] = True
        return name, path, args, kwargs

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname), images=self.allow_images)
        setattr(model_instance, self.attname, value)
        return value

    def formfield(self, **kwargs):
        widget = kwargs.get("widget")
        if widget is None or _is_plain_textarea(widget):
            kwargs["widget"] = RichTextWidget(images=self.allow_images)
        return super().formfield(**kwargs)


def _is_plain_textarea(widget):
    widget_class = widget if isinstance(widget, type) else type(widget)
    return issubclass(widget_class, forms.Textarea) and not issubclass(widget_class, RichTextWidget)
