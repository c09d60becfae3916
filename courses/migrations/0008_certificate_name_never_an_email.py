"""Certificates never print an email address as the holder's name.

Until now a learner with no name in their profile got a certificate "issued to" their email address, which the public
verification page and the PDF showed to anyone with the code. The name may now be empty (the page and the PDF say
"Name withheld by the holder"), and certificates already issued to an email address lose it: the holder's current
address, or any "name" that is one word with an @ (an address the holder has changed since).

Not reversible in data: the addresses are not put back (reversing only allows the field to be empty still).
Historical models only.
"""

from django.db import migrations, models
from django.db.models import F, Q


def clear_email_names(apps, schema_editor):
    Certificate = apps.get_model("courses", "Certificate")
    looks_like_address = Q(name__contains="@") & ~Q(name__contains=" ")
    Certificate.objects.filter(Q(name__iexact=F("enrollment__user__email")) | looks_like_address).update(name="")


class Migration(migrations.Migration):
    dependencies = [
        ("courses", "0007_members_only_privacy_on_modules"),
    ]

    operations = [
        migrations.AlterField(
            model_name="certificate",
            name="name",
            field=models.CharField(blank=True, max_length=300, verbose_name="name as issued"),
        ),
        migrations.RunPython(clear_email_names, migrations.RunPython.noop),
    ]
