"""What staff read after an action counts what they chose, in their language."""

import pytest
from django.contrib.messages import get_messages

from positions.models import AggregationRun
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db


def test_tagging_three_inputs_with_two_tags_says_three_inputs(world, client):
    inputs = [
        InputFactory(session=world.session, issue=world.issue, organisation=world.ngo)
        for _ in range(3)
    ]
    client.force_login(world.staff)
    client.cookies["django_language"] = "en"

    response = client.post(
        f"/c/{world.consultation.slug}/staff/inputs/tags/",
        {"inputs": [i.pk for i in inputs], "tags": "biaya, perlindungan", "action": "add"},
    )

    assert [str(m) for m in get_messages(response.wsgi_request)] == ["Tags changed on 3 inputs."]


def test_a_runs_stage_is_shown_in_words_of_the_readers_language(world):
    from django.utils import translation

    run = AggregationRun(stage="grouping")

    with translation.override("id"):
        indonesian = run.stage_label
    with translation.override("en"):
        english = run.stage_label

    assert english == "grouping the inputs"
    assert indonesian == "mengelompokkan masukan"
