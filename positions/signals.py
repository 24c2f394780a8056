"""A consultation has its position paper from the moment it exists.

The paper is made here, when the consultation is first saved, so that no page or API
call has to create it on first read (reads never write).
"""

from django.db.models.signals import post_save
from django.dispatch import receiver

from consult.models import Consultation
from positions.models import PositionPaper


@receiver(post_save, sender=Consultation, dispatch_uid="paper-with-its-consultation")
def paper_for_new_consultation(sender, instance, created, raw=False, **kwargs):
    if created and not raw:
        PositionPaper.objects.get_or_create(
            consultation=instance, defaults={"title": instance.title}
        )
