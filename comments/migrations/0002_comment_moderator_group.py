from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUP = "Comment moderator"
PERMISSIONS = [
    ("comments", "comment", ["view", "change", "delete"]),
    ("comments", "commentsettings", ["view", "change"]),
]


def create_group(apps, schema_editor):
    """Members moderate comments and edit the comment settings, and nothing else."""
    # On a fresh database the permissions are created only after all migrations.
    create_permissions(global_apps.get_app_config("comments"), verbosity=0)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    group, _ = Group.objects.get_or_create(name=GROUP)
    codenames = [f"{action}_{model}" for _, model, actions in PERMISSIONS for action in actions]
    group.permissions.add(
        *Permission.objects.filter(content_type__app_label="comments", codename__in=codenames)
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=GROUP).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
