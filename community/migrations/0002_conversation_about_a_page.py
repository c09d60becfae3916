# A conversation is about a case or a toolkit (their contact is written to): the link points at the page, whichever
# kind. A case's id is its page's id, so the links already stored stay right.
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("community", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.RenameField(model_name="conversation", old_name="case", new_name="page"),
        migrations.AlterField(
            model_name="conversation",
            name="page",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.SET_NULL,
                related_name="+",
                to="wagtailcore.page",
                verbose_name="about",
            ),
        ),
    ]
