from django.apps import AppConfig


class CommentsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "comments"

    def ready(self):
        from clinic_site import form_rescue, page_cache

        from .models import Comment, CommentSettings
        from .rescue import RESCUED_FIELDS, fresh_form_fields
        from .signals import comments_changed

        # A new comment waiting for review is on no page: a rush of patients
        # commenting must not empty the page cache for everyone.
        page_cache.watch(Comment, shown=lambda comment: comment.is_public)
        page_cache.watch(CommentSettings)
        # Bulk changes (QuerySet.update) bypass save(); the services announce them.
        comments_changed.connect(page_cache.invalidate, dispatch_uid="comments.page_cache")

        # Article pages offer sign-in only while a provider is set up: adding,
        # changing or removing one in the admin shows on every page at once.
        from allauth.socialaccount.models import SocialApp

        page_cache.watch(SocialApp)

        # What a patient typed into "Leave a reply" is shown back to them when it
        # could not be saved (database refusing writes, expired form...).
        form_rescue.register("comments:post", fields=RESCUED_FIELDS, fresh_fields=fresh_form_fields)
