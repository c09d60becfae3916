from django.db import migrations

MEMBERS_GROUP = "Members"


def create_group(apps, schema_editor):
    apps.get_model("auth", "Group").objects.get_or_create(name=MEMBERS_GROUP)


class Migration(migrations.Migration):
    dependencies = [
        ("auth", "0012_alter_user_first_name_max_length"),
        ("members", "0003_memberships_and_invitations"),
    ]

    operations = [migrations.RunPython(create_group, migrations.RunPython.noop)]
