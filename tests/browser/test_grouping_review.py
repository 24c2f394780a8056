"""Staff correct the grouping in Chromium, on a run's review page: merge two key points,
split one, move an input, exclude an off-topic remark, rename, relabel with a reason.
Each decision writes a new version at once; a run after new inputs arrive keeps all six
and places the new input. axe runs on every review page."""

import re

import pytest
from playwright.sync_api import expect

from positions import services
from positions.models import AggregationRun, KeyPointDecision
from tests.browser.axe import assert_accessible
from tests.browser.helpers import log_in
from tests.factories import InputFactory
from tests.positions.paper_helpers import aggregate

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

TEXTS = {
    "A1": ("ngo", "Trafficking in persons must be prosecuted and its victims protected."),
    "A2": ("ministry", "Human trafficking must be prosecuted and victims given protection."),
    "A3": ("partner", "Prosecute trafficking in persons and protect the victims."),
    "B1": ("ngo", "Recruitment fees must be borne by employers, not by migrant workers."),
    "B2": ("ministry", "Employers, not migrant workers, should pay recruitment fees."),
    "B3": ("partner", "Migrant workers must not pay recruitment fees; employers should."),
    "C1": ("ngo", "Remittances should be cheaper to send home."),
    "C2": ("ministry", "The cost of sending remittances home must fall."),
    "C3": ("partner", "Sending remittances home should cost less."),
    "C4": ("uninvited", "Remittance costs for migrant workers must be reduced."),
    "D": ("ngo", "The parking at the venue was full this morning, please fix it."),
}


def _inputs(world):
    return {
        key: InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=getattr(world, org),
            text=text,
            language="en",
        )
        for key, (org, text) in TEXTS.items()
    }


def _latest(world):
    run = AggregationRun.objects.order_by("-pk").first()
    return run, services.aggregation_results(run=run)[world.issue.code]


def _point(result, input):
    return next((p for p in result.key_points if input.pk in p.sources), None)


def test_merge_split_move_exclude_rename_relabel_and_a_rerun_keeps_them(page, world, screenshot):
    inputs = _inputs(world)
    aggregate(world)
    log_in(page, world.staff)
    step = iter(range(1, 20))

    def review():
        run, _result = _latest(world)
        page.goto(f"/c/{world.consultation.slug}/paper/runs/{run.pk}/review/")
        name = f"review-{next(step):02d}"
        assert_accessible(page, name)
        screenshot(name)

    def decide(kind, ticked, target=None, **fields):
        pk = ticked[0].pk
        form = page.locator(
            "form.key-point, form.others", has=page.locator(f"input[name=anchors][value='{pk}']")
        )
        for input in ticked:
            form.locator(f"input[name=anchors][value='{input.pk}']").check()
        form.locator("select[name=kind]").select_option(kind)
        if target is not None:
            form.locator("select[name=targets]").select_option(str(target.pk))
        for name, value in fields.items():
            if name == "label":
                form.locator("select[name=label]").select_option(value)
            else:
                form.locator(f"input[name={name}]").fill(value)
        form.get_by_role("button", name="Decide").click()
        expect(page.locator(".messages")).to_contain_text("Decision recorded")

    review()
    expect(page.locator("form.key-point")).to_have_count(3)
    decide("merge", [inputs["A1"]], target=inputs["B1"], reason="One point on exploitation.")
    review()
    decide("split", [inputs["C3"], inputs["C4"]], reason="The cost, apart from the channel.")
    review()
    decide("move", [inputs["A1"]], target=inputs["C1"], reason="Misplaced.")
    review()
    decide("exclude", [inputs["D"]], reason="Off topic.")
    review()
    decide("rename", [inputs["C3"]], name_id="Biaya remitansi", name_en="Remittance costs")
    review()
    decide("relabel", [inputs["B1"]], label="divergent", reason="APJATI objected in the session.")
    review()
    expect(page.locator("ul.decisions li")).to_have_count(6)

    def holds(result):
        merged = _point(result, inputs["B1"])
        assert inputs["A2"].pk in merged.sources
        assert (merged.label, merged.engine_label) == ("divergent", "consensus")
        split = _point(result, inputs["C3"])
        assert inputs["C4"].pk in split.sources
        assert inputs["C1"].pk not in split.sources
        assert split.name == "Biaya remitansi"
        assert inputs["A1"].pk in _point(result, inputs["C1"]).sources
        assert _point(result, inputs["D"]) is None
        assert inputs["D"].pk not in {source for source, _o, _t in result.other_points}
        assert all(outcome.applied for outcome in result.decisions)

    run, result = _latest(world)
    holds(result)
    page.goto(run.draft_version.get_absolute_url())
    expect(page.locator("main")).to_contain_text("Biaya remitansi")

    # New inputs arrive: a run keeps all six decisions and places the new one.
    new = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.uninvited,
        text="Employers should pay the recruitment fees of migrant workers.",
        language="en",
    )
    aggregate(world)
    _run, result = _latest(world)
    holds(result)
    assert new.pk in _point(result, inputs["B1"]).sources
    assert KeyPointDecision.objects.count() == 6
    page.goto(f"/c/{world.consultation.slug}/paper/")
    expect(page.get_by_role("link", name=re.compile("Review the grouping")).first).to_be_visible()


def test_a_decision_the_server_would_refuse_keeps_what_staff_typed(page, world):
    _inputs(world)
    aggregate(world)
    log_in(page, world.staff)
    run, _result = _latest(world)
    page.goto(f"/c/{world.consultation.slug}/paper/runs/{run.pk}/review/")

    form = page.locator("form.key-point").first
    form.locator("select[name=kind]").select_option("rename")
    form.locator("input[name=name_id]").fill("Biaya remitansi")
    form.get_by_role("button", name="Decide").click()

    expect(form.locator(".decide-problem")).to_contain_text("Tick the inputs")
    expect(form.locator("input[name=name_id]")).to_have_value("Biaya remitansi")
    form.locator("input[name=anchors]").first.check()
    form.locator("input[name=name_id]").fill("")
    form.get_by_role("button", name="Decide").click()
    expect(form.locator(".decide-problem")).to_contain_text("Give the key point a name")
    assert not KeyPointDecision.objects.exists()
