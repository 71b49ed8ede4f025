from django.db import models

from .sanitizer import sanitize_html


class SanitizedHTMLField(models.TextField):
    """A text field for staff rich text that is cleaned with nh3 before it is stored."""

    def pre_save(self, model_instance, add):
        value = sanitize_html(getattr(model_instance, self.attname))
        setattr(model_instance, self.attname, value)
        return value
