"""The directorate's decisions on the grouping, through real runs: a decision starts the
run that shows it, every later run replays it, the manifest carries it, and only the
convening directorate decides."""

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse

from consult.models import Input
from positions import services
from positions.aggregation.decisions import VOID_CHANGED, VOID_GONE
from positions.models import AggregationRun
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _two_points(world):
    trafficking = inputs_for(world, text="Trafficking in persons must be prosecuted.")
    fees = inputs_for(
        world, text="Recruitment fees must be borne by employers, not migrant workers."
    )
    version = aggregate(world)
    run = AggregationRun.objects.get(draft_version=version)
    assert len(_points(run).key_points) == 2  # the engine keeps them apart
    return trafficking, fees


def _rerun(world) -> AggregationRun:
    """A new run of the consultation, in this process."""
    paper = services.paper_get_or_create(consultation=world.consultation)
    run = AggregationRun.objects.create(paper=paper, requested_by=world.staff)
    return services.aggregation_run_execute(run_id=run.pk)


def _points(run):
    (result,) = [r for r in services.aggregation_results(run=run).values() if r.inputs]
    return result


def test_a_merge_starts_a_run_whose_version_shows_it_and_later_runs_keep_it(
    world, django_capture_on_commit_callbacks
):
    trafficking, fees = _two_points(world)

    with django_capture_on_commit_callbacks(execute=True):
        decision, run = services.key_point_decide(
            consultation=world.consultation,
            issue=world.issue,
            kind="merge",
            anchors=[trafficking[0].pk, fees[0].pk],
            user=world.staff,
            reason="One point: protection from exploitation.",
        )
    run.refresh_from_db()
    assert run.status == AggregationRun.Status.SUCCEEDED
    result = _points(run)
    assert len(result.key_points) == 1
    assert run.manifest["decisions"][world.issue.code][0]["id"] == decision.pk
    assert run.manifest["decisions_hash"]

    inputs_for(world, text="Trafficking in persons must be punished.", orgs=[world.uninvited])
    later = _rerun(world)
    (point,) = _points(later).key_points
    assert {trafficking[0].pk, fees[0].pk} <= set(point.sources)


def test_a_decision_on_a_withdrawn_input_is_shown_void(
    world, login, django_capture_on_commit_callbacks
):
    trafficking, fees = _two_points(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.key_point_decide(
            consultation=world.consultation,
            issue=world.issue,
            kind="exclude",
            anchors=[fees[1].pk],
            user=world.staff,
        )
    Input.objects.filter(pk=fees[1].pk).update(status=Input.Status.WITHDRAWN)

    run = _rerun(world)

    (outcome,) = _points(run).decisions
    assert not outcome.applied
    assert (outcome.reason, outcome.inputs) == (VOID_GONE, (fees[1].pk,))

    # the review page says why, in its reader's language, naming the input
    reference = Input.objects.get(pk=fees[1].pk).reference
    page = login(world.staff)
    url = reverse("positions:run_review", args=[world.consultation.slug, run.pk])
    indonesian = page.get(url).content.decode()
    assert f"tidak lagi termasuk masukan terkirim pada isu ini: {reference}" in indonesian
    page.cookies["django_language"] = "en"
    english = page.get(url).content.decode()
    assert f"no longer among the submitted inputs of this issue: {reference}" in english


@pytest.mark.parametrize(
    "role", ["director", "ngo_participant", "partner_participant", "government_participant"]
)
def test_only_the_convening_directorate_decides(world, role):
    trafficking, _fees = _two_points(world)
    user = world.user(role)

    call = {
        "consultation": world.consultation,
        "issue": world.issue,
        "kind": "exclude",
        "anchors": [trafficking[0].pk],
        "user": user,
    }
    if role == "director":
        services.key_point_decide(**call)
    else:
        with pytest.raises(PermissionDenied):
            services.key_point_decide(**call)


def test_a_decision_names_inputs_of_its_issue_and_says_why_a_label_changes(world):
    trafficking, _fees = _two_points(world)

    with pytest.raises(ValidationError):
        services.key_point_decide(
            consultation=world.consultation, issue=world.issue, kind="merge",
            anchors=[999999], user=world.staff,
        )  # fmt: skip
    with pytest.raises(ValidationError):
        services.key_point_decide(
            consultation=world.consultation, issue=world.issue, kind="relabel",
            anchors=[trafficking[0].pk], label="consensus", user=world.staff,
        )  # fmt: skip


def test_every_decision_goes_into_the_audit_trail(world, login):
    from django.urls import reverse

    trafficking, fees = _two_points(world)
    services.key_point_decide(
        consultation=world.consultation,
        issue=world.issue,
        kind="merge",
        anchors=[trafficking[0].pk, fees[0].pk],
        user=world.director,
        reason="Satu pokok pikiran.",
    )

    client = login(world.staff)
    client.cookies["django_language"] = "en"
    page = client.get(reverse("staff:audit", args=[world.consultation.slug])).content.decode()
    assert "Grouping decided" in page
    assert "Merge key points" in page
    assert trafficking[0].reference in page
    assert "Satu pokok pikiran." in page


def test_a_decision_on_an_input_changed_since_is_void(world, django_capture_on_commit_callbacks):
    from consult.services import _revision_add

    trafficking, fees = _two_points(world)
    with django_capture_on_commit_callbacks(execute=True):
        services.key_point_decide(
            consultation=world.consultation,
            issue=world.issue,
            kind="merge",
            anchors=[trafficking[0].pk, fees[0].pk],
            user=world.staff,
        )
    changed = Input.objects.get(pk=fees[0].pk)
    changed.text = "Recruitment fees are fine as they are."
    changed.save()
    _revision_add(input=changed, author=world.staff)

    run = _rerun(world)

    (outcome,) = _points(run).decisions
    assert not outcome.applied
    assert (outcome.reason, outcome.inputs) == (VOID_CHANGED, (fees[0].pk,))
