"""Sign-in throttling on every way in, expiring and revocable API tokens, idle sessions."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone
from rest_framework.authtoken.models import Token

from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db


def _fail(client, url, username, times, **extra):
    for _ in range(times):
        client.post(url, {"username": username, "password": "wrong"}, **extra)


def test_after_five_wrong_passwords_the_right_one_is_refused_with_a_message(world, client):
    _fail(client, "/login/", "staff", 5)

    response = client.post("/login/", {"username": "staff", "password": PASSWORD})

    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    assert "Terlalu banyak" in response.content.decode()  # the workspace's language


def test_the_lockout_page_speaks_english_to_an_english_reader(world, client):
    _fail(client, "/login/", "staff", 5)
    client.cookies["django_language"] = "en"  # the reader chose English

    response = client.post("/login/", {"username": "staff", "password": PASSWORD})

    assert "Too many failed sign-ins" in response.content.decode()


def test_a_success_before_the_limit_resets_the_count(world, client):
    _fail(client, "/login/", "staff", 4)
    assert client.post("/login/", {"username": "staff", "password": PASSWORD}).status_code == 302
    client.logout()

    _fail(client, "/login/", "staff", 4)
    response = client.post("/login/", {"username": "staff", "password": PASSWORD})

    assert response.status_code == 302


def test_another_address_cannot_sign_in_to_a_locked_account(world):
    _fail(Client(REMOTE_ADDR="10.0.0.1"), "/login/", "staff", 5)

    response = Client(REMOTE_ADDR="10.0.0.2").post(
        "/login/", {"username": "staff", "password": PASSWORD}
    )

    assert response.status_code == 429


def test_the_admin_login_is_throttled_too(world, client):
    world.staff.is_staff = True
    world.staff.save()
    _fail(client, "/admin/login/", "staff", 5)

    response = client.post("/admin/login/", {"username": "staff", "password": PASSWORD})

    assert response.status_code == 429


def test_the_token_endpoint_is_locked_like_the_login_page(world, client):
    _fail(client, "/api/v1/auth/token/", "staff", 5)

    response = client.post("/api/v1/auth/token/", {"username": "staff", "password": PASSWORD})

    assert response.status_code == 429
    assert response.json()["error"]["code"] == "locked_out"


def test_the_token_endpoint_counts_password_tries_per_address(world, client, settings):
    settings.API_THROTTLE_TOKEN = "3/minute"

    statuses = [
        client.post("/api/v1/auth/token/", {"username": f"nobody{i}", "password": "x"}).status_code
        for i in range(4)
    ]

    assert statuses == [400, 400, 400, 429]


def test_failed_sign_ins_are_recorded_for_staff(world, client):
    from axes.models import AccessFailureLog

    _fail(client, "/login/", "staff", 2)

    assert AccessFailureLog.objects.filter(username="staff").count() == 2


def _token(client) -> str:
    response = client.post("/api/v1/auth/token/", {"username": "staff", "password": PASSWORD})
    assert response.status_code == 200
    return response.json()["token"]


def test_a_token_expires_after_its_days(world, client, settings):
    key = _token(client)
    Token.objects.filter(key=key).update(created=timezone.now() - timedelta(days=31))

    response = client.get("/api/v1/consultations/", HTTP_AUTHORIZATION=f"Token {key}")

    assert response.status_code == 401


def test_a_token_can_be_revoked_and_signing_out_revokes_it(world, client):
    def consultations(key):
        return client.get("/api/v1/consultations/", HTTP_AUTHORIZATION=f"Token {key}")

    key = _token(client)
    assert consultations(key).status_code == 200

    revoked = client.delete("/api/v1/auth/token/", HTTP_AUTHORIZATION=f"Token {key}")
    assert revoked.status_code == 204
    assert consultations(key).status_code == 401

    key = _token(client)
    client.force_login(world.staff)
    client.post("/logout/")
    assert consultations(key).status_code == 401


def test_an_idle_session_ends(world, client, settings):
    client.force_login(world.staff)
    session = client.session
    session["last_request_at"] -= settings.SESSION_IDLE_MINUTES * 60 + 1
    session.save()

    response = client.get("/c/gcm-2017/")

    assert response.status_code == 302
    assert response["Location"].startswith("/login/")


def test_an_active_session_stays(world, client):
    client.force_login(world.staff)

    assert client.get("/c/gcm-2017/").status_code == 200
    assert client.get("/c/gcm-2017/").status_code == 200


def test_a_forged_forwarded_for_header_does_not_escape_the_token_throttle(world, client, settings):
    settings.API_THROTTLE_TOKEN = "2/minute"

    statuses = [
        client.post(
            "/api/v1/auth/token/",
            {"username": "nobody", "password": "x"},
            HTTP_X_FORWARDED_FOR=f"10.9.9.{i}",
        ).status_code
        for i in range(3)
    ]

    assert statuses == [400, 400, 429]


def test_behind_one_proxy_the_client_is_the_address_the_proxy_saw(world, settings):
    settings.TRUSTED_PROXY_HOPS = 1
    _fail(
        Client(REMOTE_ADDR="10.0.0.254", HTTP_X_FORWARDED_FOR="6.6.6.6, 203.0.113.7"),
        "/login/",
        "nobody",
        5,
    )

    # another client behind the same proxy is not locked out with the first
    other = Client(REMOTE_ADDR="10.0.0.254", HTTP_X_FORWARDED_FOR="198.51.100.9")
    response = other.post("/login/", {"username": "staff", "password": PASSWORD})

    assert response.status_code == 302
