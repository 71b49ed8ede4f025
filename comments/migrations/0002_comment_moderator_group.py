from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from comments.roles import COMMENT_MODERATOR, grant_moderator_permissions


def create_group(apps, schema_editor):
    # On a fresh database the permissions are created only after all migrations.
    create_permissions(global_apps.get_app_config("comments"), verbosity=0)
    grant_moderator_permissions(
        apps.get_model("auth", "Group"), apps.get_model("auth", "Permission")
    )


def remove_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name=COMMENT_MODERATOR).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_group, remove_group)]
