"""The review page of a run: the directorate sees each key point with its members and
decides; the page keeps a fixed number of queries; only the directorate gets in."""

import re

import pytest
from django.urls import reverse

from positions.models import AggregationRun, KeyPointDecision, Paragraph
from tests.conftest import ROLES
from tests.factories import InputFactory
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _run(world):
    trafficking = inputs_for(world, text="Trafficking in persons must be prosecuted.")
    fees = inputs_for(
        world, text="Recruitment fees must be borne by employers, not migrant workers."
    )
    version = aggregate(world)
    return AggregationRun.objects.get(draft_version=version), trafficking, fees


def _decide(client, world, run, capture, **fields):
    """One decision posted from the review page of `run`, the run it starts executed."""
    data = {"issue": world.issue.pk, "run": run.pk, **fields}
    with capture(execute=True):
        return client.post(reverse("positions:decision", args=[world.consultation.slug]), data)


def test_the_review_page_shows_each_key_point_with_its_inputs(world, login):
    run, trafficking, fees = _run(world)

    content = (
        login(world.staff)
        .get(reverse("positions:run_review", args=[world.consultation.slug, run.pk]))
        .content.decode()
    )

    assert content.count('class="key-point"') == 2
    for input in trafficking + fees:
        assert f'name="anchors" value="{input.pk}"' in content


def test_a_merge_from_the_page_writes_a_version_with_one_key_point(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)

    response = _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="merge",
        anchors=[trafficking[0].pk],
        targets=[fees[0].pk],
        reason="One point.",
    )

    assert response.status_code == 302
    decision = KeyPointDecision.objects.get()
    assert set(decision.anchors) == {trafficking[0].pk, fees[0].pk}
    latest = AggregationRun.objects.order_by("-pk").first()
    assert latest.pk != run.pk
    assert latest.draft_version is not None
    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, latest.pk]))
    assert page.content.decode().count('class="key-point"') == 1
    assert "One point." in page.content.decode()


@pytest.mark.parametrize("role", ROLES)
def test_only_the_directorate_reviews_and_decides(world, client, role):
    run, trafficking, _fees = _run(world)
    client.force_login(world.user(role))
    allowed = role in {"staff", "director"}

    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, run.pk]))
    decide = client.post(
        reverse("positions:decision", args=[world.consultation.slug]),
        {"issue": world.issue.pk, "kind": "exclude", "anchors": [trafficking[0].pk]},
    )

    assert page.status_code == (200 if allowed else 403)
    assert decide.status_code == (302 if allowed else 403)
    assert KeyPointDecision.objects.exists() == allowed


@pytest.mark.parametrize("size", [10, 1000])
def test_the_review_page_has_a_fixed_cost(world, login, size, django_assert_max_num_queries):
    texts = ["Trafficking in persons must be prosecuted.", "Remittances must be cheaper."]
    for n in range(size):
        InputFactory(
            session=world.session, issue=world.issue, organisation=world.ngo, text=texts[n % 2]
        )
    run = AggregationRun.objects.get(draft_version=aggregate(world))
    client = login(world.staff)
    url = reverse("positions:run_review", args=[world.consultation.slug, run.pk])

    with django_assert_max_num_queries(16):
        assert client.get(url).status_code == 200


@pytest.mark.parametrize("role", ROLES)
def test_the_api_offers_the_same_decisions_with_the_same_rule(
    world, role, django_capture_on_commit_callbacks
):
    from rest_framework.test import APIClient

    _run_, trafficking, fees = _run(world)
    client = APIClient()
    client.force_authenticate(world.user(role))
    url = reverse("api:decisions", args=[world.consultation.slug, world.issue.code])
    allowed = role in {"staff", "director"}

    with django_capture_on_commit_callbacks(execute=True):
        created = client.post(
            url,
            {"kind": "merge", "anchors": [trafficking[0].pk, fees[0].pk], "reason": "Satu."},
            format="json",
        )
    listed = client.get(url)

    assert created.status_code == (201 if allowed else 403)
    assert listed.status_code == (200 if allowed else 403)
    if allowed:
        assert created.json()["run"]
        assert [d["kind"] for d in listed.json()] == ["merge"]
        refused = client.post(url, {"kind": "merge", "anchors": [999999]}, format="json")
        assert refused.status_code == 400
        assert refused.json()["error"]["status"] == 400


def test_the_review_page_says_how_much_staff_changed(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)
    client.cookies["django_language"] = "en"
    before = client.get(reverse("positions:run_review", args=[world.consultation.slug, run.pk]))
    assert "this is the engine's grouping" in before.content.decode()

    _decide(
        client, world, run, django_capture_on_commit_callbacks, kind="exclude", anchors=[fees[0].pk]
    )
    latest = AggregationRun.objects.order_by("-pk").first()
    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, latest.pk]))

    assert "Staff placed or left out 1 of 6 inputs" in page.content.decode()


def test_the_compare_page_names_the_decision_behind_a_version(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    with django_capture_on_commit_callbacks(execute=True):
        login(world.staff).post(
            reverse("positions:decision", args=[world.consultation.slug]),
            {
                "issue": world.issue.pk,
                "run": run.pk,
                "kind": "rename",
                "anchors": [fees[0].pk],
                "name_id": "Biaya penempatan",
                "reason": "Nama yang dipakai UU 18/2017.",
            },
        )
    latest = AggregationRun.objects.order_by("-pk").first().draft_version

    page = login(world.staff).get(
        reverse("positions:compare", args=[world.consultation.slug]),
        {"a": run.draft_version.number, "b": latest.number},
    )

    content = page.content.decode()
    assert 'id="decisions-h"' in content
    assert "Biaya penempatan" in content
    assert "Nama yang dipakai UU 18/2017." in content

    # the newer version first in the address: still read from the older to the newer
    backwards = login(world.staff).get(
        reverse("positions:compare", args=[world.consultation.slug]),
        {"a": latest.number, "b": run.draft_version.number},
    )
    assert "Nama yang dipakai UU 18/2017." in backwards.content.decode()

    # the reasons are the directorate's deliberation: not the partner's reading
    partner = login(world.partner_participant)
    compare = partner.get(
        reverse("positions:compare", args=[world.consultation.slug]),
        {"a": run.draft_version.number, "b": latest.number},
    )
    assert compare.status_code == 200
    assert "Nama yang dipakai UU 18/2017." not in compare.content.decode()
    version_page = partner.get(latest.get_absolute_url()).content.decode()
    assert "Nama yang dipakai UU 18/2017." not in version_page


def test_the_review_page_finds_key_points_and_inputs_by_words(world, login):
    run, trafficking, fees = _run(world)

    page = login(world.staff).get(
        reverse("positions:run_review", args=[world.consultation.slug, run.pk]), {"q": "FEES"}
    )

    content = page.content.decode()
    assert content.count('class="key-point"') == 1
    assert f'name="anchors" value="{fees[0].pk}"' in content
    assert f'name="anchors" value="{trafficking[0].pk}"' not in content
    # the key point the search hid can still be chosen to merge or move into
    assert f'<option value="{trafficking[0].pk}">' in content

    nothing = login(world.staff).get(
        reverse("positions:run_review", args=[world.consultation.slug, run.pk]), {"q": "zzqx"}
    )
    assert 'id="nothing-found"' in nothing.content.decode()


def test_staff_take_a_letter_out_of_a_campaign_from_the_page(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, _fees = _run(world)  # three organisations sent the same words
    client = login(world.staff)
    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, run.pk]))
    assert 'class="campaign"' in page.content.decode()

    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="leave_campaign",
        anchors=[trafficking[2].pk],
        reason="Written by the partner itself.",
    )

    latest = AggregationRun.objects.order_by("-pk").first()
    result = latest.results.get(code=world.issue.code).payload
    groups = [set(g["members"]) for g in result["duplicate_groups"]]
    assert {trafficking[0].pk, trafficking[1].pk} in groups
    assert all(trafficking[2].pk not in g for g in groups)


def test_the_version_a_decision_wrote_names_the_decision(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)
    client.cookies["django_language"] = "en"
    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="exclude",
        anchors=[fees[0].pk],
        reason="Off topic.",
    )
    version = AggregationRun.objects.order_by("-pk").first().draft_version

    content = client.get(version.get_absolute_url()).content.decode()

    assert "Written after a decision on the grouping: Exclude from every key point" in content
    assert "Off topic." in content


def test_the_run_history_says_how_much_staff_changed(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)
    client.cookies["django_language"] = "en"
    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="merge",
        anchors=[trafficking[0].pk],
        targets=[fees[0].pk],
    )

    page = client.get(reverse("positions:paper_detail", args=[world.consultation.slug]))

    assert "staff placed 2, changed 1 key points" in page.content.decode()


def test_a_decision_taken_back_is_no_longer_replayed(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)
    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="merge",
        anchors=[trafficking[0].pk],
        targets=[fees[0].pk],
    )
    decision = KeyPointDecision.objects.get()
    merged = AggregationRun.objects.order_by("-pk").first()
    assert len(merged.results.get(code=world.issue.code).payload["key_points"]) == 1
    # taking back asks once more: the button that acts is behind a summary to open
    page = client.get(
        reverse("positions:run_review", args=[world.consultation.slug, merged.pk])
    ).content.decode()
    retract = reverse("positions:decision_retract", args=[world.consultation.slug, decision.pk])
    assert re.search(
        r'<details class="inline"><summary>Tarik kembali</summary><form method="post" '
        rf'action="{re.escape(retract)}"',
        page,
    )

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("positions:decision_retract", args=[world.consultation.slug, decision.pk])
        )

    assert response.status_code == 302
    decision.refresh_from_db()
    assert decision.retracted_by == world.staff
    latest = AggregationRun.objects.order_by("-pk").first()
    assert latest.manifest["decisions"] == {}
    assert len(latest.results.get(code=world.issue.code).payload["key_points"]) == 2
    assert (
        login(world.partner_participant)
        .post(reverse("positions:decision_retract", args=[world.consultation.slug, decision.pk]))
        .status_code
        == 403
    )


@pytest.mark.parametrize("issue", ["abc", "", "99999", "²", "99999999999999999999"])
def test_a_decision_for_no_such_issue_is_refused_not_a_server_error(world, login, issue):
    response = login(world.staff).post(
        reverse("positions:decision", args=[world.consultation.slug]),
        {"issue": issue, "kind": "exclude", "anchors": ["1"]},
    )

    assert response.status_code == 404
    assert not KeyPointDecision.objects.exists()


@pytest.mark.parametrize("anchor", ["²", "99999999999999999999", "-3"])
def test_anchors_that_name_no_input_are_refused_with_a_message_not_a_server_error(
    world, login, anchor, django_capture_on_commit_callbacks
):
    run, _trafficking, _fees = _run(world)
    client = login(world.staff)

    response = _decide(
        client, world, run, django_capture_on_commit_callbacks, kind="exclude", anchors=[anchor]
    )

    assert response.status_code == 302
    review = reverse("positions:run_review", args=[world.consultation.slug, run.pk])
    assert response.url == f"{review}?issue={world.issue.pk}#issue-{world.issue.pk}"
    assert not KeyPointDecision.objects.exists()


def test_the_api_refuses_an_anchor_past_the_largest_id_with_a_400(world):
    from rest_framework.test import APIClient

    client = APIClient()
    client.force_authenticate(world.staff)
    url = reverse("api:decisions", args=[world.consultation.slug, world.issue.code])

    refused = client.post(
        url, {"kind": "exclude", "anchors": [99999999999999999999]}, format="json"
    )

    assert refused.status_code == 400
    assert not KeyPointDecision.objects.exists()


def test_a_merge_with_nothing_to_merge_with_is_refused_and_recorded_nowhere(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, _fees = _run(world)
    client = login(world.staff)
    client.cookies["django_language"] = "en"

    response = _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="merge",
        anchors=[trafficking[0].pk],  # the target left on "a new key point"
    )

    assert not KeyPointDecision.objects.exists()
    assert AggregationRun.objects.count() == 1
    assert "Choose what to merge it with." in client.get(response.url).content.decode()
    nothing = _decide(
        client, world, run, django_capture_on_commit_callbacks, anchors=[trafficking[0].pk]
    )
    assert "Choose a decision." in client.get(nothing.url).content.decode()
    unticked = _decide(
        client, world, run, django_capture_on_commit_callbacks, kind="rename", name_id="Nama"
    )
    assert "the statement, one input of the key point." in client.get(unticked.url).content.decode()


def test_the_review_page_speaks_its_readers_language_and_points_to_a_newer_run(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, fees = _run(world)
    client = login(world.staff)  # Bahasa Indonesia by default
    url = reverse("positions:run_review", args=[world.consultation.slug, run.pk])

    content = client.get(url).content.decode()
    assert '<span class="badge">konsensus</span>' in content
    assert '<span class="badge">consensus</span>' not in content
    # the kinds behind a point, which its label is about
    behind = re.search(r"3 organisasi di baliknya \(([^)]*)\)", content).group(1)
    assert set(behind.split(", ")) == {
        "1 Organisasi internasional",
        "1 Kementerian / lembaga",
        "1 LSM / OMS",
    }
    assert '<option value="">' in content  # no decision is chosen for the officer
    assert 'id="newer-run"' not in content

    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="merge",
        anchors=[trafficking[0].pk],
        targets=[fees[0].pk],
    )
    newer = AggregationRun.objects.order_by("-pk").first()
    content = client.get(url).content.decode()
    assert 'id="newer-run"' in content
    assert reverse("positions:run_review", args=[world.consultation.slug, newer.pk]) in content


def test_the_decisions_on_the_review_page_say_what_they_did_and_to_which_inputs(
    world, login, django_capture_on_commit_callbacks
):
    run, trafficking, _fees = _run(world)
    client = login(world.staff)
    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="relabel",
        anchors=[trafficking[0].pk],
        label="divergent",
        reason="Kemnaker disagrees.",
    )
    latest = AggregationRun.objects.order_by("-pk").first()

    content = client.get(
        reverse("positions:run_review", args=[world.consultation.slug, latest.pk])
    ).content.decode()

    assert f": divergen ({trafficking[0].reference}) — Kemnaker disagrees." in content


def test_a_large_review_shows_one_issue_at_a_time_and_a_decision_returns_to_its_issue(
    world, login, monkeypatch, django_capture_on_commit_callbacks
):
    from positions import views

    trafficking = inputs_for(world, text="Trafficking in persons must be prosecuted.")
    inputs_for(world, text="Recruitment fees must be borne by employers, not migrant workers.")
    smuggling = [
        InputFactory(
            session=world.session,
            issue=world.other_issue,
            organisation=org,
            author=world.staff,
            text="Smuggling of migrants across the sea border must be stopped.",
        )
        for org in (world.ngo, world.ministry)
    ]
    run = AggregationRun.objects.get(draft_version=aggregate(world))
    monkeypatch.setattr(views, "REVIEW_PAGE_POINTS", 2)
    client = login(world.staff)
    url = reverse("positions:run_review", args=[world.consultation.slug, run.pk])

    first = client.get(url).content.decode()
    assert f'name="anchors" value="{trafficking[0].pk}"' in first
    assert f'name="anchors" value="{smuggling[0].pk}"' not in first
    assert f'href="?issue={world.other_issue.pk}"' in first
    other = client.get(url, {"issue": world.other_issue.pk}).content.decode()
    assert f'name="anchors" value="{smuggling[0].pk}"' in other
    assert f'name="anchors" value="{trafficking[0].pk}"' not in other

    # a decision refused (or written) brings the officer back to the issue decided on
    response = _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        issue=world.other_issue.pk,
        kind="merge",
        anchors=[smuggling[1].pk],
    )
    assert response.url.endswith(f"?issue={world.other_issue.pk}#issue-{world.other_issue.pk}")


def test_remarks_left_out_of_the_draft_are_listed_for_staff_who_can_move_one_back(
    world, login, django_capture_on_commit_callbacks
):
    inputs_for(world, text="Trafficking in persons must be prosecuted.")
    fees = inputs_for(
        world, text="Recruitment fees must be borne by employers, not migrant workers."
    )
    (wifi,) = inputs_for(
        world,
        text="The Wi-Fi in the hall kept dropping; could the password be shared again?",
        orgs=[world.ngo],
    )
    run = AggregationRun.objects.get(draft_version=aggregate(world))
    client = login(world.staff)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, run.pk]))
    content = page.content.decode()
    left_out = content[content.index('class="set-apart"') :]
    assert "Left out of the draft" in left_out
    assert f'name="anchors" value="{wifi.pk}"' in left_out
    paragraphs = Paragraph.objects.filter(section__version=run.draft_version)
    assert not paragraphs.filter(text__contains="Wi-Fi").exists()

    _decide(
        client,
        world,
        run,
        django_capture_on_commit_callbacks,
        kind="move",
        anchors=[wifi.pk],
        targets=[fees[0].pk],
        reason="Staff asked for the connection to be fixed for the next session.",
    )
    latest = AggregationRun.objects.order_by("-pk").first()
    page = client.get(reverse("positions:run_review", args=[world.consultation.slug, latest.pk]))
    assert 'class="set-apart"' not in page.content.decode()
