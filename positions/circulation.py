"""Before a copy for circulation: ask the organisations behind withheld paragraphs
whether their inputs may be public.

A circulation copy names and quotes public inputs only (`visibility.py`); inputs are
"participants only" unless their authors chose otherwise, so a copy made without asking
withholds most of the paper. Staff see what would be withheld (`selectors.
circulation_preview`) and ask: every person who speaks for an organisation behind a
withheld paragraph is told in the workspace and by email, one notification per input,
linking to the input, where they may allow publication (`consult.services.
input_publication_consent`, audited).
"""

from functools import partial

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.utils import translation
from django.utils.translation import gettext as _

from positions import selectors
from positions.models import DraftVersion
from stakeholders.models import Notification
from stakeholders.notifications import addresses, notices, notify_all
from stakeholders.predicates import speakers_of


def publication_ask(*, version: DraftVersion, actor) -> int:
    """Ask the owners of the inputs behind the paragraphs a circulation copy of `version`
    would withhold; how many people were asked."""
    preview = selectors.circulation_preview(version=version)
    if not preview["inputs"]:
        raise ValidationError(_("A copy for circulation of this version withholds nothing."))
    people: set[int] = set()
    asked = []
    speaking = speakers_of(entry["organisation"].pk for entry in preview["organisations"])
    for entry in preview["organisations"]:
        speakers = set(speaking[entry["organisation"].pk])
        people |= speakers
        asked += [
            notice
            for input in entry["inputs"]
            for notice in notices(
                recipients=speakers,
                kind=Notification.Kind.PUBLICATION_ASKED,
                url=input.get_absolute_url(),
                actor=actor.get_full_name() or actor.username,
                reference=input.reference,
                paper=version.paper.title,
            )
        ]
    notify_all(asked)
    transaction.on_commit(partial(_mail, sorted(people), version.pk, actor.pk))
    return len(people)


def _mail(user_ids: list[int], version_id: int, actor_id: int) -> None:
    version = DraftVersion.objects.select_related("paper").get(pk=version_id)
    actor = get_user_model().objects.get(pk=actor_id)
    recipients = addresses(user_ids)
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(paper)s: may your inputs be quoted in public copies?") % {
            "paper": version.paper.title
        }
        body = _(
            "%(actor)s asks whether the inputs of your organisation cited in %(paper)s may "
            "be public, so that copies for circulation may quote them. Each input is listed "
            "in your notifications, with a button to allow it:\n\n%(url)s"
        ) % {
            "actor": actor.get_full_name() or actor.username,
            "paper": version.paper.title,
            "url": settings.SITE_URL.rstrip("/") + "/notifications/",
        }
    send_mail(subject, body, None, recipients)
