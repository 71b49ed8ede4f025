from django.apps import AppConfig


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"

    def ready(self):
        from clinic_site import form_rescue

        from .rescue import RESCUED_FIELDS, fresh_form_fields

        # What a patient typed into "Leave a reply" is shown back to them when it
        # could not be saved (database refusing writes, expired form...).
        form_rescue.register("comments:post", fields=RESCUED_FIELDS, fresh_fields=fresh_form_fields)
