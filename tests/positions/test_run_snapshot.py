"""A run aggregates the inputs as they were when it began, and its manifest says so."""

import pytest

from consult.models import Input
from positions import selectors, services
from positions.models import AggregationRun, ParagraphSource, RunInput
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db

POINT = "Biaya penempatan tidak boleh dibebankan kepada pekerja migran dalam bentuk apa pun."


def test_edits_and_withdrawals_during_a_run_do_not_reach_its_draft_or_manifest(world):
    edited, withdrawn, *others = [
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=organisation,
            text=POINT,
            language="id",
        )
        for organisation in (world.ngo, world.ministry, world.partner, world.ngo)
    ]
    paper = services.paper_get_or_create(consultation=world.consultation)
    run = AggregationRun.objects.create(paper=paper, requested_by=world.staff)
    codes = services.aggregation_run_begin(run_id=run.pk)

    # while the issues are being aggregated, one input is rewritten, one withdrawn
    Input.objects.filter(pk=edited.pk).update(text="TEKS BARU yang ditulis di tengah proses.")
    Input.objects.filter(pk=withdrawn.pk).update(status=Input.Status.WITHDRAWN)
    for code in codes:
        services.aggregation_issue_execute(run_id=run.pk, code=code)
    run = services.aggregation_run_finish(run_id=run.pk)

    assert run.status == AggregationRun.Status.SUCCEEDED, run.error
    texts = " ".join(p.text for s in run.draft_version.sections.all() for p in s.paragraphs.all())
    assert "TEKS BARU" not in texts
    cited = set(
        ParagraphSource.objects.filter(paragraph__section__version=run.draft_version).values_list(
            "input_id", flat=True
        )
    )
    assert {edited.pk, withdrawn.pk} <= cited
    row = RunInput.objects.get(run=run, input=edited)
    assert (row.text, row.issue_code, row.organisation, row.organisation_kind, row.kind) == (
        POINT,
        world.issue.code,
        world.ngo.name,
        world.ngo.kind,
        edited.kind,
    )
    assert run.manifest["input_set"] == selectors.run_snapshot_hash(run=run)


def test_the_manifest_hash_changes_with_what_a_run_reads(world):
    InputFactory(session=world.session, issue=world.issue, organisation=world.ngo, text=POINT)
    paper = services.paper_get_or_create(consultation=world.consultation)
    first = services.aggregation_run_execute(
        run_id=AggregationRun.objects.create(paper=paper, requested_by=world.staff).pk
    )
    again = services.aggregation_run_execute(
        run_id=AggregationRun.objects.create(paper=paper, requested_by=world.staff).pk
    )
    InputFactory(session=world.session, issue=world.issue, organisation=world.ministry, text=POINT)
    third = services.aggregation_run_execute(
        run_id=AggregationRun.objects.create(paper=paper, requested_by=world.staff).pk
    )

    assert first.manifest["input_set"] == again.manifest["input_set"]
    assert third.manifest["input_set"] != first.manifest["input_set"]


def test_a_run_after_a_version_nobody_edited_does_not_read_that_version_back(world):
    # a large consultation's draft cites hundreds of thousands of inputs: a run keeps
    # hand-written sections, and only when there are some does it read the last version
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    for organisation in (world.ngo, world.ministry):
        InputFactory(
            session=world.session, issue=world.issue, organisation=organisation, text=POINT
        )
    paper = services.paper_get_or_create(consultation=world.consultation)
    services.aggregation_run_execute(
        run_id=AggregationRun.objects.create(paper=paper, requested_by=world.staff).pk
    )

    with CaptureQueriesContext(connection) as queries:
        again = services.aggregation_run_execute(
            run_id=AggregationRun.objects.create(paper=paper, requested_by=world.staff).pk
        )

    assert again.status == AggregationRun.Status.SUCCEEDED
    reads = [
        q["sql"]
        for q in queries
        if q["sql"].lstrip().upper().startswith("SELECT")
        and "positions_paragraphsource" in q["sql"]
    ]
    assert reads == []
