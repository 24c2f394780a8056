"""The staff input list, an input's page, moderation forms, the audit trail, the dashboard."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from consult import moderation
from consult.models import AuditEvent, Input
from stakeholders.models import Organisation
from tests.factories import InputFactory, OrganisationFactory, SessionFactory

pytestmark = pytest.mark.django_db


def _input(world, **kwargs):
    defaults = {"session": world.session, "issue": world.issue, "organisation": world.ngo}
    return InputFactory(**{**defaults, **kwargs})


def _list(client, world, **params):
    return client.get(reverse("staff:inputs", args=[world.consultation.slug]), params)


def _refs(response):
    return [i.pk for i in response.context["page"].object_list]


def test_filters_combine_and_stay_in_the_url(world, login):
    a = _input(world, kind=Input.Kind.CONCERN, language="id", stance="oppose")
    b = _input(world, organisation=world.ministry, issue=world.other_issue)
    c = _input(world, status=Input.Status.WITHDRAWN)
    client = login(world.staff)

    assert sorted(_refs(_list(client, world))) == sorted([a.pk, b.pk, c.pk])
    assert _refs(_list(client, world, kind="concern")) == [a.pk]
    assert _refs(_list(client, world, language="id", stance="oppose")) == [a.pk]
    assert _refs(_list(client, world, issue=world.other_issue.pk)) == [b.pk]
    assert _refs(_list(client, world, organisation=world.ministry.pk)) == [b.pk]
    assert sorted(_refs(_list(client, world, organisation_kind="ngo"))) == sorted([a.pk, c.pk])
    assert _refs(_list(client, world, status="withdrawn")) == [c.pk]
    assert _refs(_list(client, world, session=world.session.pk, kind="evidence")) == []
    response = _list(client, world, kind="concern", o="organisation")
    assert "kind=concern" in response.content.decode()  # sort links keep the filter


def test_the_form_shows_the_filters_of_the_url(world, login):
    _input(world, kind=Input.Kind.CONCERN)
    client = login(world.staff)

    html = _list(client, world, kind="concern", o="-organisation", q="migran").content.decode()

    assert '<option value="concern" selected>' in html
    assert '<option value="-organisation" selected>' in html
    assert 'name="q" value="migran"' in html


def test_the_organisation_filter_offers_only_organisations_that_spoke(world, login):
    _input(world, organisation=world.ministry)
    elsewhere = InputFactory(organisation=OrganisationFactory(name="Spoke elsewhere"))
    client = login(world.staff)

    choices = _list(client, world).context["filter"].form.fields["organisation"].queryset

    assert list(choices) == [world.ministry]
    assert elsewhere.organisation not in choices


def test_sort_labels_follow_the_language_of_the_request(world, client):
    from django.utils import translation

    from consult.filters import InputFilter

    for language, word in [("en", "descending"), ("id", "menurun")]:
        with translation.override(language):
            labels = [str(label) for _value, label in InputFilter().form.fields["o"].choices]
        assert any(word in label for label in labels), (language, labels)


def test_date_range_and_session_filters(world, login):
    other_session = SessionFactory(consultation=world.consultation, title="Second round")
    old = _input(world, submitted_at=timezone.make_aware(datetime.datetime(2017, 11, 14, 10)))
    new = _input(
        world,
        session=other_session,
        submitted_at=timezone.make_aware(datetime.datetime(2017, 12, 1, 10)),
    )
    client = login(world.staff)

    assert _refs(_list(client, world, submitted_after="2017-11-20")) == [new.pk]
    assert _refs(_list(client, world, submitted_before="2017-11-20")) == [old.pk]
    assert _refs(_list(client, world, session=other_session.pk)) == [new.pk]


def test_sorting_and_pagination(world, login):
    orgs = [OrganisationFactory(name=f"Org {letter}") for letter in "CAB"]
    for org in orgs:
        _input(world, organisation=org)
    client = login(world.staff)

    names = [
        i.organisation.name
        for i in _list(client, world, o="organisation").context["page"].object_list
    ]
    assert names == ["Org A", "Org B", "Org C"]
    names = [
        i.organisation.name
        for i in _list(client, world, o="-organisation").context["page"].object_list
    ]
    assert names == ["Org C", "Org B", "Org A"]

    Input.objects.bulk_create(
        Input(
            session=world.session,
            issue=world.issue,
            organisation=world.ngo,
            author=world.ngo_participant,
            kind="statement",
            text=f"bulk {n}",
            language="en",
            status="submitted",
        )
        for n in range(60)
    )
    first, second = _list(client, world), _list(client, world, page=2)
    assert len(first.context["page"].object_list) == 50
    assert len(second.context["page"].object_list) == 13


def test_contains_search_on_any_database(world, login):
    match = _input(world, text="Perlindungan pekerja migran di luar negeri")
    _input(world, text="Something else entirely")
    client = login(world.staff)

    assert _refs(_list(client, world, q="pekerja migran")) == [match.pk]


def test_hidden_inputs_are_shown_as_hidden_to_staff_and_filterable(world, login):
    visible, hidden = _input(world), _input(world)
    moderation.input_hide(input=hidden, reason="Spam", actor=world.staff)
    client = login(world.staff)

    response = _list(client, world)
    assert 'class="hidden-input"' in response.content.decode()
    assert _refs(_list(client, world, hidden="yes")) == [hidden.pk]
    assert _refs(_list(client, world, hidden="no")) == [visible.pk]


def test_bulk_tag_from_the_list_returns_to_the_same_view(world, login):
    a, b = _input(world), _input(world)
    client = login(world.staff)
    back = reverse("staff:inputs", args=[world.consultation.slug]) + "?kind=statement"

    response = client.post(
        reverse("staff:inputs_tag", args=[world.consultation.slug]),
        {"inputs": [a.pk, b.pk], "tags": "jalur aman, perlindungan", "action": "add", "next": back},
    )

    assert response.status_code == 302
    assert response["Location"] == back
    assert set(a.tags.values_list("name", flat=True)) == {"jalur aman", "perlindungan"}
    assert _refs(_list(client, world, tag=a.tags.get(name="perlindungan").pk)) == sorted(
        [b.pk, a.pk], reverse=True
    )


def test_bulk_tag_refuses_an_outside_redirect(world, login):
    a = _input(world)
    response = login(world.staff).post(
        reverse("staff:inputs_tag", args=[world.consultation.slug]),
        {"inputs": [a.pk], "tags": "x", "action": "add", "next": "https://evil.example/"},
    )
    assert response["Location"] == reverse("staff:inputs", args=[world.consultation.slug])


@pytest.mark.parametrize("forged", ["²", "99999999999999999999"])
def test_bulk_tag_refuses_a_forged_input_with_a_message_not_a_server_error(world, login, forged):
    a = _input(world)
    response = login(world.staff).post(
        reverse("staff:inputs_tag", args=[world.consultation.slug]),
        {"inputs": [a.pk, forged], "tags": "x", "action": "add"},
        follow=True,
    )

    assert response.status_code == 200
    assert list(response.context["messages"])
    assert not a.tags.exists()


def test_hide_and_restore_through_the_input_page(world, login):
    input = _input(world)
    client = login(world.staff)
    slug = world.consultation.slug

    refused = client.post(reverse("staff:input_hide", args=[slug, input.pk]), {"reason": ""})
    hidden = client.post(reverse("staff:input_hide", args=[slug, input.pk]), {"reason": "Spam"})
    restored = client.post(reverse("staff:input_restore", args=[slug, input.pk]), {"reason": ""})
    page = client.get(reverse("staff:input", args=[slug, input.pk]))

    assert refused.status_code == 400
    assert hidden.status_code == restored.status_code == 302
    assert [e.action for e in page.context["trail"]] == ["restored", "hidden"]
    assert "Spam" in page.content.decode()


def test_consultation_audit_trail_lists_every_event(world, login):
    a = _input(world)
    moderation.inputs_tag(
        consultation=world.consultation, input_ids=[a.pk], tag_names=["t"], actor=world.staff
    )
    moderation.input_hide(input=a, reason="dup", actor=world.director)

    response = login(world.staff).get(reverse("staff:audit", args=[world.consultation.slug]))

    assert [e.action for e in response.context["page"]] == [
        AuditEvent.Action.HIDDEN,
        AuditEvent.Action.TAGGED,
    ]


def test_dashboard_counts(world, login):
    _input(world, submitted_at=timezone.now())
    _input(world, organisation=world.ministry, submitted_at=timezone.now())
    _input(world, status=Input.Status.DRAFT)
    # withdrawn: no longer among the inputs, here as in the per-issue counts
    _input(world, status=Input.Status.WITHDRAWN, submitted_at=timezone.now())

    response = login(world.staff).get(reverse("staff:dashboard", args=[world.consultation.slug]))

    figures = response.context["figures"]
    assert figures["invited_organisations"] == 2
    assert figures["active_organisations"] == 2
    assert figures["total_sent"] == 2
    assert {(i.code, i.submitted, i.drafts) for i in figures["by_issue"]} == {
        ("1", 2, 1),
        ("2", 0, 0),
    }
    assert "<svg" in response.content.decode()


def _add_inputs(world, n):
    orgs = Organisation.objects.bulk_create(
        Organisation(name=f"Bulk org {Organisation.objects.count()}-{i}", kind="ngo")
        for i in range(max(1, n // 20))
    )
    Input.objects.bulk_create(
        Input(
            session=world.session,
            issue=world.issue if i % 2 else world.other_issue,
            organisation=orgs[i % len(orgs)],
            author=world.ngo_participant,
            kind="statement",
            text=f"input {i}",
            language="en",
            status="submitted",
            submitted_at=timezone.now() - datetime.timedelta(days=i % 30),
        )
        for i in range(n)
    )
    inputs = list(Input.objects.order_by("pk").values_list("pk", flat=True))
    moderation.inputs_tag(
        consultation=world.consultation,
        input_ids=inputs[:n:3],
        tag_names=["a", "b"],
        actor=world.staff,
    )
    moderation.input_hide(
        input=Input.objects.filter(moderation__isnull=True).first(), reason="x", actor=world.staff
    )


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.parametrize(
    "url",
    [
        lambda w: reverse("staff:inputs", args=[w.consultation.slug]),
        lambda w: (
            reverse("staff:inputs", args=[w.consultation.slug])
            + "?o=-organisation&kind=statement&q=input"
        ),
        lambda w: reverse("staff:dashboard", args=[w.consultation.slug]),
        lambda w: reverse("staff:audit", args=[w.consultation.slug]),
        lambda w: reverse("api:inputs", args=[w.consultation.slug]),
        lambda w: reverse("api:inputs", args=[w.consultation.slug]) + "?o=-organisation&q=input",
    ],
    ids=["list", "list filtered", "dashboard", "audit", "api list", "api list filtered"],
)
def test_query_count_does_not_grow_from_10_to_1000_inputs(world, login, url):
    client = login(world.staff)
    _add_inputs(world, 10)
    small = _count_queries(client, url(world))
    _add_inputs(world, 990)
    large = _count_queries(client, url(world))

    assert small == large
    assert large <= 16


def test_the_audit_trail_says_what_changed_in_words_in_the_readers_language(world, client):
    a = _input(world)
    moderation.input_hide(input=a, reason="dup", actor=world.director)
    moderation.input_status_set(input=a, status=Input.Status.WITHDRAWN, actor=world.staff)
    client.force_login(world.staff)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("staff:audit", args=[world.consultation.slug]))
    content = page.content.decode()

    assert "hidden: False" not in content
    assert "status: submitted" not in content
    assert "<td>Hidden</td>" in content
    assert "Status: Withdrawn" in content
    assert "Status: Submitted" in content


def test_the_staff_tabs_lead_to_the_paper_and_its_exports(world, login):
    page = login(world.staff).get(reverse("staff:dashboard", args=[world.consultation.slug]))

    content = page.content.decode()
    assert reverse("positions:paper_detail", args=[world.consultation.slug]) in content
    assert reverse("positions:exports", args=[world.consultation.slug]) in content


def test_an_observer_is_not_told_their_organisation_has_no_inputs(world, client):
    _input(world)  # the NGO has inputs; the observer follows, and sends none
    client.force_login(world.observer)
    client.cookies["django_language"] = "en"

    content = client.get(reverse("consult:my_inputs")).content
    assert b"has no inputs yet" not in content
    assert b"observer" in content


def test_dashboard_figures_agree_in_number(world, client):
    hidden = _input(world)
    moderation.input_hide(input=hidden, reason="dup", actor=world.staff)
    client.force_login(world.staff)
    client.cookies["django_language"] = "en"

    page = client.get(reverse("staff:dashboard", args=[world.consultation.slug]))
    assert "<strong>1</strong> input hidden" in page.content.decode()


def test_both_date_fields_of_the_submitted_filter_have_a_name(world, login):
    page = login(world.staff).get(reverse("positions:exports", args=[world.consultation.slug]))

    content = page.content.decode()
    for n in (0, 1):
        field = content[content.index(f'id="id_submitted_{n}"') - 200 :]
        field = field[: field.index(">", 200) + 1]
        assert "aria-label=" in field or f'for="id_submitted_{n}"' in content
