"""The staff roles, as groups of permissions. Created by a data migration.

- Content editor: writes and publishes all patient content and previews it.
  No staff accounts, no comment moderation (add the Comment moderator group too
  for that), and the editorial settings are read-only.
- Clinic manager: everything a superuser can do except grant superuser powers,
  including staff accounts, comment moderation and the login protection records.
- Clinical reviewer: a registered clinician who approves medical content or asks
  for changes (their login is linked to a reviewer profile). They read everything
  in the education app but edit nothing.
- Comment moderator: created by the comments app's own migration.

Editors write, reviewers approve, the clinic manager can do both (and may publish
under the urgent override).

On a new database the groups cover every model that exists in the code. A model
added later reaches existing databases through a migration of its own that calls
``grant_role_permissions`` again (it only adds, so it is safe to repeat).
"""

CONTENT_EDITOR = "Content editor"
CLINIC_MANAGER = "Clinic manager"
CLINICAL_REVIEWER = "Clinical reviewer"

# The clinical sign-off permissions (on education.SignOff): never an editor's.
SIGN_OFF = "sign_off_content"
OVERRIDE = "override_sign_off"

# Apps whose every permission a clinic manager holds.
# "django_tasks_database" is the task queue: a manager sees failed e-mail sends there.
MANAGER_APPS = [
    "education",
    "comments",
    "auth",
    "admin",
    "axes",
    "reversion",
    "django_tasks_database",
]
# Editors may read but not change these education models.
EDITOR_READ_ONLY = ["editorialsettings"]
# Editors may update the clinic's profile but not add or remove it.
EDITOR_NO_ADD_DELETE = ["clinicprofile"]


def grant_role_permissions(Group, Permission):
    """Create the groups and give them their permissions; safe to run again.

    Takes the Group and Permission models so a migration can pass its own.
    """
    editor, _ = Group.objects.get_or_create(name=CONTENT_EDITOR)
    education = Permission.objects.filter(content_type__app_label="education")
    editor.permissions.add(
        *education.exclude(content_type__model__in=EDITOR_READ_ONLY)
        .exclude(content_type__model__in=EDITOR_NO_ADD_DELETE, codename__regex=r"^(add|delete)_")
        .exclude(codename__in=[SIGN_OFF, OVERRIDE]),
        *education.filter(content_type__model__in=EDITOR_READ_ONLY, codename__startswith="view_"),
    )
    # Whatever an older version of this function granted, editors never sign off.
    editor.permissions.remove(*education.filter(codename__in=[SIGN_OFF, OVERRIDE]))

    reviewer, _ = Group.objects.get_or_create(name=CLINICAL_REVIEWER)
    reviewer.permissions.add(
        *education.filter(codename__startswith="view_"), *education.filter(codename=SIGN_OFF)
    )

    manager, _ = Group.objects.get_or_create(name=CLINIC_MANAGER)
    manager.permissions.add(
        *Permission.objects.filter(content_type__app_label__in=MANAGER_APPS).exclude(
            content_type__app_label="auth", content_type__model="permission"
        )
    )
