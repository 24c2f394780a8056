"""Shared set-up for the paper workflow tests: inputs, a run, a version."""

from consult.models import Input
from positions.models import AggregationRun
from positions.services import aggregation_run_execute, paper_get_or_create
from tests.factories import InputFactory

TEXT = "Trafficking in persons must be prosecuted and victims protected."


def inputs_for(world, text=TEXT, confidentiality=Input.Confidentiality.PUBLIC, orgs=None, **fields):
    return [
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=org,
            author=world.staff,
            text=text,
            confidentiality=confidentiality,
            **fields,
        )
        for org in (orgs or [world.ngo, world.ministry, world.partner])
    ]


def aggregate(world):
    paper = paper_get_or_create(consultation=world.consultation)
    run = AggregationRun.objects.create(paper=paper, requested_by=world.staff)
    run = aggregation_run_execute(run_id=run.pk)
    assert run.status == AggregationRun.Status.SUCCEEDED, run.error
    return run.draft_version
