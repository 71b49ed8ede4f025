"""Load the demo clinic's translations, approved by the demo clinician.

Each non-English language has a file ``demo_translations/<lang>.json``: a list of
``{"model": "education.sitepage", "lookup": {"key": "home"}, "fields": {...}}``.
Lookups name the English text (``{"name": ...}`` means ``name_en``). Safe to run
again: a translation already approved with the same text is left alone, and an item
staff have renamed or removed is skipped.
"""

import json
from pathlib import Path

from django.apps import apps
from django.core.exceptions import FieldDoesNotExist
from modeltranslation.utils import build_localized_fieldname

from . import demo_content
from .models import Reviewer
from .translations import is_approved_as, other_languages, translated_fields, translation_approve
from .workflow import is_reviewed_model

FOLDER = Path(__file__).resolve().parent / "demo_translations"
DEMO_TRANSLATION_NOTE = "Demo translation: approved by the demo clinician when it was loaded."


def _english_lookup(model, lookup: dict) -> dict:
    english = {}
    for name, value in lookup.items():
        try:
            translated = name in translated_fields(model)
            model._meta.get_field(name)
        except FieldDoesNotExist:
            return {}
        english[build_localized_fieldname(name, "en") if translated else name] = value
    return english


def load_demo_translations(folder: Path | None = None) -> int:
    """Approve each demo translation not yet approved; returns how many were approved."""
    folder = Path(folder or FOLDER)
    reviewer = Reviewer.objects.filter(name=demo_content.REVIEWERS[0]["name"]).first()
    if reviewer is None:
        return 0
    approved = 0
    for language in other_languages():
        path = folder / f"{language}.json"
        if not path.exists():
            continue
        for entry in json.loads(path.read_text(encoding="utf-8")):
            try:
                model = apps.get_model(entry["model"])
            except LookupError:
                continue
            lookup = _english_lookup(model, entry.get("lookup", {}))
            obj = model._default_manager.filter(**lookup).first() if lookup else None
            values = {
                name: text
                for name, text in entry.get("fields", {}).items()
                if name in translated_fields(model) and text
            }
            if obj is None or not values:
                continue
            if not is_reviewed_model(model):
                # FAQ topics and the like need no clinical sign-off.
                columns = {
                    build_localized_fieldname(name, language): text for name, text in values.items()
                }
                if all(getattr(obj, column) for column in columns):
                    continue
                for column, text in columns.items():
                    setattr(obj, column, text)
                obj.save()
                approved += 1
                continue
            if is_approved_as(obj, language, values):
                continue
            translation_approve(
                obj=obj,
                language=language,
                values=values,
                reviewer=reviewer,
                note=DEMO_TRANSLATION_NOTE,
            )
            approved += 1
    return approved
