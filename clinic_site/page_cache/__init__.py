"""Whole pages for anonymous visitors, kept until content changes.

The package knows no app. An app tells it what to watch from its own
``AppConfig.ready()``:

- ``watch(Model, ..., shown=...)``: saving or deleting a row of these models
  makes every stored page stale (``shown(row)`` may say that a new row is not on
  any page, such as a comment waiting for review);
- ``invalidate()``: the same, for changes no model signal announces;
- ``register_expiry(callable)``: when pages go stale by themselves (the moment the
  next scheduled article goes live), as a timestamp or None;
- ``remember(name, make)``: a value made once per worker and content generation.

See the README ("Caching") for how pages, fragments, nginx and Redis fit together.
"""

from .generation import current_generation, invalidate, register_expiry, remember
from .signals import watch

__all__ = ["current_generation", "invalidate", "register_expiry", "remember", "watch"]
