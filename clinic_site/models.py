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


class Heartbeat(models.Model):
    """One row the health check rewrites, to prove the database takes a write.

    Rewriting one row in place keeps the database the same size however often a
    load balancer asks.
    """

    checked_at = models.DateTimeField()

    class Meta:
        constraints = [
            models.CheckConstraint(condition=models.Q(pk=1), name="heartbeat_single_row")
        ]

    def __str__(self):
        return f"Health check at {self.checked_at:%Y-%m-%d %H:%M:%S}"
