from django.db import migrations, models
from django.db.models import F


def mark_waiting_requests_as_told(apps, schema_editor):
    # Until now every waiting request was emailed to the approvers when it was made; do not tell them twice.
    Membership = apps.get_model("members", "Membership")
    Membership.objects.filter(status="pending").update(approvers_told_at=F("requested_at"))


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0004_members_group"),
    ]

    operations = [
        migrations.AddField(
            model_name="membership",
            name="approvers_told_at",
            field=models.DateTimeField(blank=True, null=True, verbose_name="focal point told"),
        ),
        migrations.RunPython(mark_waiting_requests_as_told, migrations.RunPython.noop),
    ]
