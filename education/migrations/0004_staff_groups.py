from django.apps import apps as global_apps
from django.contrib.auth.management import create_permissions
from django.db import migrations

from education.roles import CLINIC_MANAGER, CONTENT_EDITOR, MANAGER_APPS, grant_role_permissions


def create_groups(apps, schema_editor):
    # On a fresh database the permissions are created only after all migrations.
    for app_label in MANAGER_APPS:
        create_permissions(global_apps.get_app_config(app_label), verbosity=0)
    grant_role_permissions(apps.get_model("auth", "Group"), apps.get_model("auth", "Permission"))


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(
        name__in=[CONTENT_EDITOR, CLINIC_MANAGER]
    ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("education", "0003_editorialsettings"),
        # The clinic manager moderates comments too: their permissions must exist.
        ("comments", "0001_initial"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
