"""Review and approval of a draft version: draft → in review → approved, or back to draft.

Each move locks the version row, checks the version is in the state the move starts
from (so two directors clicking at once make one move), records a `VersionTransition`
and, once the transaction commits, emails the people involved. Who may make a move is
decided in `positions/rules.py`; these functions check only the state.
"""

from functools import partial

from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from consult.models import Input
from positions.models import (
    DraftVersion,
    ParagraphSource,
    ReviewComment,
    Section,
    VersionTransition,
)
from stakeholders.models import Notification
from stakeholders.notifications import addresses, notices, notify, notify_all
from stakeholders.predicates import directors_of, speakers_of, speaking_organisations

Status = DraftVersion.Status

MOVES = {
    "submit": (Status.DRAFT, Status.IN_REVIEW),
    "request_changes": (Status.IN_REVIEW, Status.DRAFT),
    "approve": (Status.IN_REVIEW, Status.APPROVED),
}


@transaction.atomic
def version_transition(*, version: DraftVersion, move: str, actor, note: str = "") -> DraftVersion:
    """Make `move` (one of MOVES) on the version; refuse it from any other state."""
    source, target = MOVES[move]
    locked = DraftVersion.objects.select_for_update().get(pk=version.pk)
    if locked.status != source:
        if locked.status == Status.APPROVED:
            raise ValidationError(
                _("This version is approved and locked; edit it to start a new draft.")
            )
        raise ValidationError(
            _("This version is %(status)s; it cannot be %(move)s now.")
            % {"status": locked.get_status_display(), "move": move_label(move)}
        )
    if move == "request_changes" and not note.strip():
        raise ValidationError(_("Say what should change."))
    # The version's text is immutable; its status is the one field that moves.
    DraftVersion.objects.filter(pk=locked.pk).update(status=target)
    VersionTransition.objects.create(
        version=locked, from_status=source, to_status=target, actor=actor, note=note
    )
    transaction.on_commit(partial(_notify, locked.pk, move, actor.pk, note))
    locked.status = target
    return locked


def move_label(move: str) -> str:
    return {
        "submit": _("sent for review"),
        "request_changes": _("sent back with changes requested"),
        "approve": _("approved"),
    }[move]


@transaction.atomic
def review_comment_add(*, version: DraftVersion, section: Section, author, text: str):
    """A comment on a section; an approved version takes no more comments."""
    if section.version_id != version.pk:
        raise ValidationError(_("This section is not part of this version."))
    if version.is_approved:
        raise ValidationError(
            _("This version is approved and locked; edit it to start a new draft.")
        )
    if not text.strip():
        raise ValidationError(_("A comment cannot be empty."))
    consultation = version.paper.consultation
    clearing = None
    if not author.has_perm("positions.edit_paper", consultation):
        # not the directorate: a line ministry clearing the draft, named with its comment
        clearing = (
            consultation.draft_readers.filter(pk__in=speaking_organisations(author))
            .order_by("pk")
            .first()
        )
    comment = ReviewComment.objects.create(
        version=version,
        section=section,
        author=author,
        text=text.strip(),
        clearing_organisation=clearing,
    )
    # the section's writer: whoever made this version (an editor's save or a run)
    notify(
        recipients={version.created_by_id} - {author.pk},
        kind=Notification.Kind.SECTION_COMMENT,
        url=f"{version.get_absolute_url()}#section-{section.key}",
        actor=author.get_full_name() or author.username,
        section=section.heading,
        number=version.number,
        paper=version.paper.title,
    )
    return comment


def clearance_ask(*, version: DraftVersion, actor) -> int:
    """Ask the consultation's line ministries and agencies to read `version` and comment
    on its sections; each of their participants is told. How many people were asked."""
    if version.is_approved:
        raise ValidationError(
            _("This version is approved and locked; edit it to start a new draft.")
        )
    consultation = version.paper.consultation
    organisations = list(consultation.draft_readers.order_by("name"))
    speakers = speakers_of(o.pk for o in organisations)
    asked = notify_all(
        notice
        for organisation in organisations
        for notice in notices(
            recipients=speakers[organisation.pk],
            kind=Notification.Kind.CLEARANCE_ASKED,
            url=version.get_absolute_url(),
            actor=actor.get_full_name() or actor.username,
            organisation=organisation.short_name,
            number=version.number,
            paper=version.paper.title,
        )
    )
    if not asked:
        raise ValidationError(
            _("No organisation is set to clear drafts of this consultation, or none has people.")
        )
    return asked


def users_involved(version: DraftVersion, move: str) -> set[int]:
    """Whom to tell of a move: the version's author, everyone who moved or commented on
    it, and, when it is sent for review, the convening directorate's directors."""
    users = {version.created_by_id}
    users |= set(version.transitions.values_list("actor_id", flat=True))
    users |= set(version.comments.values_list("author_id", flat=True))
    if move == "submit":
        users |= set(directors_of(version.paper.consultation.convener_id))
    return {pk for pk in users if pk is not None}


def people_involved(version: DraftVersion, move: str) -> list[str]:
    """The addresses of `users_involved`."""
    return addresses(users_involved(version, move))


NOTIFICATION_KINDS = {
    "submit": Notification.Kind.REVIEW_REQUESTED,
    "request_changes": Notification.Kind.CHANGES_REQUESTED,
    "approve": Notification.Kind.APPROVED,
}


def _tell_in_workspace(version: DraftVersion, move: str, actor, note: str) -> None:
    """The bell for everyone involved but the actor; on approval, also each author of an
    input the approved version cites."""
    values = {
        "actor": actor.get_full_name() or actor.username,
        "number": version.number,
        "paper": version.paper.title,
        "note": note,
    }
    url = version.get_absolute_url()
    notify(
        recipients=users_involved(version, move) - {actor.pk},
        kind=NOTIFICATION_KINDS[move],
        url=url,
        **values,
    )
    if move != "approve":
        return
    # cited where the paper says something: the participants annex lists every input
    # and quotes none
    citing = ParagraphSource.objects.filter(paragraph__section__version=version).exclude(
        paragraph__section__kind="annex"
    )
    cited = (
        Input.objects.filter(pk__in=citing.values("input_id"))
        .exclude(author=None)
        .select_related("session")
        .distinct()
        .order_by("pk")
    )
    feedback = reverse("positions:feedback", kwargs={"slug": version.paper.consultation.slug})
    notify_all(
        notice
        for input in cited
        for notice in notices(
            recipients=[input.author_id],
            kind=Notification.Kind.INPUT_CITED,
            url=feedback,
            reference=input.reference,
            number=version.number,
            paper=version.paper.title,
        )
    )


def _notify(version_id: int, move: str, actor_id: int, note: str) -> None:
    version = DraftVersion.objects.select_related("paper__consultation").get(pk=version_id)
    actor = get_user_model().objects.get(pk=actor_id)
    _tell_in_workspace(version, move, actor, note)
    recipients = people_involved(version, move)
    if not recipients:
        return
    from django.conf import settings

    with translation.override(settings.LANGUAGE_CODE):
        subject = _("%(paper)s, version %(number)s: %(move)s") % {
            "paper": version.paper.title,
            "number": version.number,
            "move": move_label(move),
        }
        body = _(
            "%(actor)s: version %(number)s of %(paper)s was %(move)s.\n\n%(note)s\n\n%(url)s"
        ) % {
            "actor": actor.get_full_name() or actor.username,
            "number": version.number,
            "paper": version.paper.title,
            "move": move_label(move),
            "note": note,
            "url": settings.SITE_URL.rstrip("/") + version.get_absolute_url(),
        }
    send_mail(subject, body, None, recipients)
