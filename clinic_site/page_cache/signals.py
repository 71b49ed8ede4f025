"""Model changes that make stored pages stale, as each app declares them."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from .generation import invalidate


def watch(*models, shown=None):
    """Saving or deleting a row of ``models`` (or changing one of their many-to-many
    relations) makes every stored page stale.

    ``shown(row)`` says whether patients can see a row. A new row nobody can see
    (a comment waiting for review) leaves the pages as they were, so a rush of
    comments does not empty the cache; a changed row may have been shown before,
    so any change counts, and a deleted row counts if it was shown.
    """
    for model in models:
        uid = f"page_cache:{model._meta.label}"

        def saved(sender, instance, created, **kwargs):
            if created and shown is not None and not shown(instance):
                return
            invalidate()

        def deleted(sender, instance, **kwargs):
            if shown is None or shown(instance):
                invalidate()

        post_save.connect(saved, sender=model, weak=False, dispatch_uid=f"{uid}:save")
        post_delete.connect(deleted, sender=model, weak=False, dispatch_uid=f"{uid}:delete")
        for field in model._meta.local_many_to_many:
            m2m_changed.connect(
                _relation_changed,
                sender=field.remote_field.through,
                dispatch_uid=f"{uid}:{field.name}",
            )


def _relation_changed(sender, action, **kwargs):
    if action.startswith("post_"):
        invalidate()
