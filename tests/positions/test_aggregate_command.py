"""manage.py aggregate: a draft version stored and the structured draft written."""

import json

import pytest
from django.core.management import call_command

from positions.models import AggregationRun
from tests.factories import InputFactory
from tests.positions.paper_helpers import inputs_for

pytestmark = pytest.mark.django_db


def test_aggregate_writes_a_version_and_the_json_shape(world, tmp_path):
    for n, org in enumerate([world.ngo, world.ministry, world.partner]):
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=org,
            text="Trafficking in persons must be prosecuted and victims protected.",
            external_id=f"F-{n}",
        )
    out = tmp_path / "draft.json"

    call_command("aggregate", consultation="gcm-2017", json=str(out))

    run = AggregationRun.objects.get()
    assert run.draft_version.number == 1
    assert run.manifest["input_set"]
    assert "numpy" in run.manifest["libraries"]
    data = json.loads(out.read_text())
    issue = data["issues"][0]
    assert issue["code"] == "1"
    assert issue["duplicate_groups"][0]["members"] == ["F-0", "F-1", "F-2"]
    (point,) = issue["key_points"]
    assert point["sources"] == ["F-0", "F-1", "F-2"]
    assert point["label"] == "consensus"


def test_running_it_twice_on_the_same_inputs_gives_the_same_draft(world, tmp_path):
    InputFactory(session=world.session, issue=world.issue, organisation=world.ngo)
    InputFactory(session=world.session, issue=world.issue, organisation=world.ministry)
    first, second = tmp_path / "1.json", tmp_path / "2.json"

    call_command("aggregate", consultation="gcm-2017", json=str(first))
    call_command("aggregate", consultation="gcm-2017", json=str(second))

    assert json.loads(first.read_text()) == json.loads(second.read_text())


def test_a_consultation_held_in_english_gets_its_paper_in_english(world):
    # an imported English consultation came out as "Pokok pikiran 1 ... Dikemukakan oleh",
    # every English statement marked for translation: nothing on the command line set the
    # paper's language
    inputs_for(world, language="en")

    call_command("aggregate", consultation="gcm-2017", language="en")

    run = AggregationRun.objects.get()
    assert run.paper.language == "en"
    texts = [p.text for s in run.draft_version.sections.all() for p in s.paragraphs.all()]
    assert any(t.startswith("Key point 1") for t in texts)
    assert not any("Perlu diterjemahkan" in t or "To be translated" in t for t in texts)
