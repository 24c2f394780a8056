import uuid

from django.db import migrations, models


def fill(apps, schema_editor):
    InputAttachment = apps.get_model("consult", "InputAttachment")
    for attachment in InputAttachment.objects.filter(public_id__isnull=True).iterator():
        attachment.public_id = uuid.uuid4()
        attachment.save(update_fields=["public_id"])


class Migration(migrations.Migration):
    dependencies = [("consult", "0005_input_search_vector")]

    operations = [
        migrations.AddField(
            model_name="inputattachment",
            name="public_id",
            field=models.UUIDField(null=True, editable=False),
        ),
        migrations.RunPython(fill, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="inputattachment",
            name="public_id",
            field=models.UUIDField(default=uuid.uuid4, editable=False, unique=True),
        ),
    ]
