from django.db import migrations


def papers(apps, schema_editor):
    Consultation = apps.get_model("consult", "Consultation")
    PositionPaper = apps.get_model("positions", "PositionPaper")
    for consultation in Consultation.objects.filter(paper__isnull=True).iterator():
        PositionPaper.objects.create(consultation=consultation, title=consultation.title)


class Migration(migrations.Migration):
    dependencies = [("positions", "0004_paper_workflow"), ("consult", "0006_inputattachment_public_id")]

    operations = [migrations.RunPython(papers, migrations.RunPython.noop)]
