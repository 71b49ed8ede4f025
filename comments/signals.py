"""Signals other parts of the site can listen to.

``comments_changed`` is sent after the database transaction commits, whenever the
public comment threads may look different: a comment approved, rejected, marked as
spam or not spam, edited, deleted or erased, a clinic reply posted, or a comment
approved automatically. Keyword argument: ``article_ids``, the set of primary keys
of the articles whose pages changed. Page caches can clear those pages on it.

Every service in ``comments.services`` also saves or deletes comments one by one
with ``Model.save()``/``Model.delete()``, so ``post_save`` and ``post_delete`` fire too.
"""

from django.dispatch import Signal

comments_changed = Signal()
