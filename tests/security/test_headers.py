"""Every response carries a strict Content-Security-Policy and a Permissions-Policy."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def _policy(response) -> dict[str, list[str]]:
    header = response["Content-Security-Policy"]
    return {part.split()[0]: part.split()[1:] for part in header.split(";") if part.strip()}


@pytest.mark.parametrize("url", ["/login/", "/c/gcm-2017/", "/api/v1/consultations/"])
def test_pages_and_api_send_a_strict_policy(world, client, url):
    client.force_login(world.staff)

    policy = _policy(client.get(url))

    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert policy["form-action"] == ["'self'"]


def test_the_api_docs_widen_the_policy_for_their_styles_only(world, client):
    client.force_login(world.staff)

    policy = _policy(client.get("/api/docs/"))

    assert "'unsafe-inline'" in policy["style-src"]
    assert policy["script-src"] == ["'self'"]


def test_pages_refuse_camera_microphone_and_location(client):
    header = client.get("/login/")["Permissions-Policy"]

    for feature in ("camera=()", "microphone=()", "geolocation=()"):
        assert feature in header


def test_a_killed_workers_tasks_come_back_within_minutes_not_an_hour():
    visibility = settings.CELERY_BROKER_TRANSPORT_OPTIONS["visibility_timeout"]

    assert settings.CELERY_TASK_TIME_LIMIT < visibility <= 10 * 60
    assert visibility < settings.AGGREGATION_STALE_MINUTES * 60


def test_an_unknown_api_address_answers_in_the_api_error_body(client):
    response = client.get("/api/v1/no-such-thing/")

    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json()["error"]["code"] == "not_found"


def test_the_api_asks_for_credentials_with_401(client):
    response = client.get("/api/v1/consultations/")

    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize(
    "url", ["/c/gcm-2017/", "/c/gcm-2017/paper/", "/api/v1/consultations/gcm-2017/inputs/"]
)
def test_pages_for_a_signed_in_reader_are_never_cached(world, client, url):
    client.force_login(world.staff)

    response = client.get(url)

    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
