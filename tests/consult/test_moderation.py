"""Tags, hide/restore and staff status changes: each kept in the audit trail."""

import pytest
from django.core.exceptions import ValidationError

from consult import moderation
from consult.models import AuditEvent, Input, InputTag
from positions import selectors as position_selectors
from positions.models import AggregationRun
from positions.services import aggregation_run_start, paper_get_or_create
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


def _inputs(world, n=3, **kwargs):
    return [
        InputFactory(session=world.session, issue=world.issue, organisation=world.ngo, **kwargs)
        for _ in range(n)
    ]


def test_bulk_tag_adds_each_link_once_and_audits_per_input(world):
    inputs = _inputs(world)
    ids = [i.pk for i in inputs]

    added = moderation.inputs_tag(
        consultation=world.consultation,
        input_ids=ids,
        tag_names=["perlindungan", " jalur  aman "],
        actor=world.staff,
    )
    again = moderation.inputs_tag(
        consultation=world.consultation,
        input_ids=ids,
        tag_names=["perlindungan"],
        actor=world.staff,
    )

    assert added == 6
    assert again == 0
    assert sorted(inputs[0].tags.values_list("name", flat=True)) == ["jalur aman", "perlindungan"]
    events = AuditEvent.objects.filter(action=AuditEvent.Action.TAGGED)
    assert events.count() == 3
    assert events.first().after == {"tags": ["jalur aman", "perlindungan"]}
    assert events.first().actor == world.staff


def test_untag_removes_and_audits_what_was_there(world):
    inputs = _inputs(world, 2)
    ids = [i.pk for i in inputs]
    moderation.inputs_tag(
        consultation=world.consultation, input_ids=ids[:1], tag_names=["a"], actor=world.staff
    )

    removed = moderation.inputs_untag(
        consultation=world.consultation, input_ids=ids, tag_names=["a"], actor=world.staff
    )

    assert removed == 1
    assert not InputTag.objects.exists()
    event = AuditEvent.objects.get(action=AuditEvent.Action.UNTAGGED)
    assert (event.input_id, event.before) == (ids[0], {"tags": ["a"]})


def test_tagging_ignores_inputs_of_other_consultations(world):
    foreign = InputFactory()
    with pytest.raises(ValidationError):
        moderation.inputs_tag(
            consultation=world.consultation,
            input_ids=[foreign.pk],
            tag_names=["x"],
            actor=world.staff,
        )


def test_tag_needs_a_name(world):
    (input,) = _inputs(world, 1)
    with pytest.raises(ValidationError):
        moderation.inputs_tag(
            consultation=world.consultation,
            input_ids=[input.pk],
            tag_names=["  "],
            actor=world.staff,
        )


def test_hide_needs_a_reason_and_restore_brings_it_back(world):
    (input,) = _inputs(world, 1)
    with pytest.raises(ValidationError):
        moderation.input_hide(input=input, reason=" ", actor=world.staff)

    moderation.input_hide(input=input, reason="Duplicate of IN-00001", actor=world.staff)
    with pytest.raises(ValidationError):
        moderation.input_hide(input=input, reason="again", actor=world.staff)
    moderation.input_restore(input=input, reason="Not a duplicate", actor=world.director)

    input.refresh_from_db()
    assert input.moderation.is_hidden is False
    trail = list(AuditEvent.objects.filter(input=input).order_by("pk"))
    assert [(e.action, e.before, e.after, e.reason, e.actor) for e in trail] == [
        ("hidden", {"hidden": False}, {"hidden": True}, "Duplicate of IN-00001", world.staff),
        ("restored", {"hidden": True}, {"hidden": False}, "Not a duplicate", world.director),
    ]


def test_hidden_inputs_are_left_out_of_aggregation(world, django_capture_on_commit_callbacks):
    kept, hidden = _inputs(world, 2)
    moderation.input_hide(input=hidden, reason="Off topic", actor=world.staff)

    records = position_selectors.aggregation_inputs(consultation=world.consultation)
    assert [r.id for r in records] == [kept.pk]

    paper = paper_get_or_create(consultation=world.consultation)
    with django_capture_on_commit_callbacks(execute=True):
        run = aggregation_run_start(paper=paper, requested_by=world.staff)
    run.refresh_from_db()
    assert run.status == AggregationRun.Status.SUCCEEDED
    cited = set(run.draft_version.sections.values_list("paragraphs__sources", flat=True))
    assert hidden.pk not in cited
    assert kept.pk in cited


def test_staff_status_change_is_audited(world):
    (input,) = _inputs(world, 1)

    moderation.input_status_set(
        input=input, status=Input.Status.WITHDRAWN, actor=world.staff, reason="asked by email"
    )

    input.refresh_from_db()
    assert input.status == Input.Status.WITHDRAWN
    event = AuditEvent.objects.get(input=input)
    assert (event.action, event.before, event.after) == (
        "status",
        {"status": "submitted"},
        {"status": "withdrawn"},
    )


def test_staff_cannot_submit_a_participants_draft(world):
    (input,) = _inputs(world, 1, status=Input.Status.DRAFT)
    with pytest.raises(ValidationError):
        moderation.input_status_set(input=input, status=Input.Status.SUBMITTED, actor=world.staff)


def test_a_participants_submit_and_withdrawal_join_the_audit_trail(world):
    from consult.models import AuditEvent
    from consult.services import input_save, input_withdraw

    input = input_save(
        author=world.ngo_participant,
        organisation=world.ngo,
        session=world.session,
        issue=world.issue,
        kind="concern",
        text="Perlindungan masih lemah.",
        language="id",
        submit=True,
    )
    input_withdraw(input=input, user=world.ngo_participant, reason="Digabung dengan masukan lain.")

    events = list(
        AuditEvent.objects.filter(input=input)
        .order_by("pk")
        .values_list("actor__username", "action", "before", "after", "reason")
    )
    assert events == [
        ("ngo", "status", {"status": "draft"}, {"status": "submitted"}, ""),
        (
            "ngo",
            "status",
            {"status": "submitted"},
            {"status": "withdrawn"},
            "Digabung dengan masukan lain.",
        ),
    ]
