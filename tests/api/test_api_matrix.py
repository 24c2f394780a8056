"""Every role against every API endpoint, by session and by token, and the error bodies."""

import re

import pytest
from django.urls import reverse
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from consult.models import Input
from positions.services import draft_version_create, paper_get_or_create
from tests.conftest import ROLES
from tests.factories import InputFactory

pytestmark = pytest.mark.django_db

RUNS = {"staff", "director"}
READS_PAPER = RUNS | {"partner_participant"}
SEES = READS_PAPER | {"ngo_participant", "government_participant", "observer"}
SPEAKS = {"ngo_participant", "government_participant", "partner_participant"}
EVERYONE = set(ROLES)


def _api(name, *args):
    return lambda w: reverse(f"api:{name}", args=[w.consultation.slug, *[a(w) for a in args]])


def _version(w):
    paper = paper_get_or_create(consultation=w.consultation)
    return draft_version_create(
        paper=paper, sections=[], created_by=w.staff, origin="editor"
    ).number


def _ngo_input(w):
    return InputFactory(session=w.session, issue=w.issue, organisation=w.ngo).pk


def _new_input(w):
    return {
        "session": w.session.pk,
        "issue": w.issue.pk,
        "kind": "recommendation",
        "text": "Buka jalur migrasi yang aman.",
        "language": "id",
        "submit": True,
    }


ENDPOINTS = [
    ("organisations", "get", lambda w: reverse("api:organisations"), None, EVERYONE, 200),
    ("consultations", "get", lambda w: reverse("api:consultations"), None, EVERYONE, 200),
    ("consultation", "get", _api("consultation"), None, SEES, 200),
    ("sessions", "get", _api("sessions"), None, SEES, 200),
    ("issues", "get", _api("issues"), None, SEES, 200),
    ("inputs", "get", _api("inputs"), None, SEES, 200),
    ("input create", "post", _api("inputs"), _new_input, SPEAKS, 201),
    ("input of the NGO", "get", _api("input", _ngo_input), None, RUNS | {"ngo_participant"}, 200),
    ("runs", "get", _api("runs"), None, READS_PAPER, 200),
    ("run start", "post", _api("runs"), None, RUNS, 202),
    ("drafts", "get", _api("drafts"), None, READS_PAPER, 200),
    ("draft", "get", _api("draft", _version), None, READS_PAPER, 200),
    ("draft export", "get", _api("draft_export", _version), None, RUNS, 200),
    ("draft export pdf", "get", _api("draft_export_pdf", _version), None, RUNS, 200),
    ("draft export md", "get", _api("draft_export_md", _version), None, RUNS, 200),
    ("draft export json", "get", _api("draft_export_json", _version), None, RUNS, 200),
]
DENIED = {"input of the NGO": 404}  # others' inputs look like unknown ones
DENIED_OUTSIDE = {"consultation", "sessions", "issues", "inputs", "input create"}


def _expected(role, name, allowed, status):
    if role in allowed:
        return status
    if name == "input of the NGO" and role in SEES:
        return 404
    return 403


@pytest.mark.parametrize("auth", ["session", "token"])
@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_role_may_or_may_not(
    world, role, auth, name, method, url, data, allowed, status, django_capture_on_commit_callbacks
):
    client = APIClient()
    user = world.user(role)
    if auth == "token":
        client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    else:
        client.force_login(user)
    target = url(world)

    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(target, data(world) if data else None, format="json")

    assert response.status_code == _expected(role, name, allowed, status), f"{role} on {name}"
    if response.status_code >= 400:
        assert response.json()["error"]["status"] == response.status_code


@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), ENDPOINTS, ids=[e[0] for e in ENDPOINTS]
)
def test_anonymous_gets_401(world, name, method, url, data, allowed, status):
    response = getattr(APIClient(), method)(
        url(world), data(world) if data else None, format="json"
    )

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"
    assert response.json()["error"]["code"] == "not_authenticated"


def test_token_is_issued_for_a_password(world):
    world.staff.set_password("pw-123-secret")
    world.staff.save()
    response = APIClient().post(
        reverse("api:token"), {"username": "staff", "password": "pw-123-secret"}, format="json"
    )
    assert response.status_code == 200
    assert response.json()["token"] == Token.objects.get(user=world.staff).key


def test_participant_creates_only_for_own_organisation(world):
    client = APIClient()
    client.force_login(world.ngo_participant)
    url = reverse("api:inputs", args=[world.consultation.slug])

    refused = client.post(
        url, {**_new_input(world), "organisation": world.ministry.pk}, format="json"
    )
    created = client.post(url, {**_new_input(world), "organisation": world.ngo.pk}, format="json")

    assert refused.status_code == 403
    assert refused.json()["error"]["code"] == "permission_denied"
    assert created.status_code == 201
    assert Input.objects.get(pk=created.json()["id"]).organisation == world.ngo


def test_validation_errors_name_their_fields(world):
    client = APIClient()
    client.force_login(world.ngo_participant)
    url = reverse("api:inputs", args=[world.consultation.slug])

    response = client.post(url, {"session": world.session.pk, "kind": "nonsense"}, format="json")

    error = response.json()["error"]
    assert response.status_code == 400
    assert error["code"] == "invalid"
    assert set(error["fields"]) >= {"issue", "kind", "text", "language"}


def test_inputs_filter_and_search_like_the_staff_list(world):
    concern = InputFactory(
        session=world.session, issue=world.issue, organisation=world.ngo, kind="concern"
    )
    InputFactory(session=world.session, issue=world.issue, organisation=world.ministry)
    client = APIClient()
    client.force_login(world.staff)
    url = reverse("api:inputs", args=[world.consultation.slug])

    body = client.get(url, {"kind": "concern"}).json()

    assert [r["id"] for r in body["results"]] == [concern.pk]
    assert body["count"] == 1
    assert [r["id"] for r in client.get(url, {"organisation_kind": "ngo"}).json()["results"]] == [
        concern.pk
    ]


def test_participants_list_only_their_own_inputs(world):
    own = InputFactory(session=world.session, issue=world.issue, organisation=world.ngo)
    InputFactory(session=world.session, issue=world.issue, organisation=world.ministry)
    client = APIClient()
    client.force_login(world.ngo_participant)

    body = client.get(reverse("api:inputs", args=[world.consultation.slug])).json()

    assert [r["id"] for r in body["results"]] == [own.pk]


def test_throttle_answers_429_with_an_error_body(world, settings):
    from django.core.cache import cache
    from rest_framework.settings import api_settings
    from rest_framework.throttling import UserRateThrottle

    cache.clear()
    rates = {**api_settings.DEFAULT_THROTTLE_RATES, "user": "2/minute"}
    UserRateThrottle.THROTTLE_RATES = rates
    try:
        client = APIClient()
        client.force_login(world.staff)
        codes = [client.get(reverse("api:organisations")).status_code for _ in range(3)]
    finally:
        UserRateThrottle.THROTTLE_RATES = api_settings.DEFAULT_THROTTLE_RATES
        cache.clear()
    assert codes == [200, 200, 429]


def test_schema_and_docs_are_served_without_a_cdn(client):
    schema = client.get(reverse("api_schema"))
    docs = client.get(reverse("api_docs"))

    assert schema.status_code == 200
    assert b"/api/v1/consultations/{slug}/inputs/" in schema.content
    assert docs.status_code == 200
    html = docs.content.decode()
    assert "/static/drf_spectacular_sidecar/swagger-ui-dist/" in html
    # Every script and stylesheet comes from this server: no absolute http(s) URL.
    # (A search for "cdn" would also hit the random CSRF token now and then.)
    assert re.findall(r"""(?:src|href)\s*=\s*["']\s*(?:https?:)?//""", html) == []
