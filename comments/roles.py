"""The "Comment moderator" group: moderates comments and edits the comment
settings, and nothing else (no articles, no accounts). Created by a data migration."""

COMMENT_MODERATOR = "Comment moderator"
MODERATOR_PERMISSIONS = [
    "view_comment",
    "change_comment",
    "delete_comment",
    "view_commentsettings",
    "change_commentsettings",
]


def grant_moderator_permissions(Group, Permission):
    """Create the group and give it its permissions; safe to run again.

    Takes the Group and Permission models so a migration can pass its own.
    """
    group, _ = Group.objects.get_or_create(name=COMMENT_MODERATOR)
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="comments", codename__in=MODERATOR_PERMISSIONS
        )
    )
    return group
