from django.db import models


class SingleRowModel(models.Model):
    """A model with exactly one row (pk 1) that staff edit in the admin: the clinic
    profile and the settings models. Subclasses add a CheckConstraint on pk=1."""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        self.pk = 1
        super().save(*args, **kwargs)

    @classmethod
    def load(cls):
        """The saved row, or an unsaved one with the defaults until staff save it."""
        return cls.objects.filter(pk=1).first() or cls(**cls.unsaved_defaults())

    @classmethod
    def unsaved_defaults(cls):
        return {}
