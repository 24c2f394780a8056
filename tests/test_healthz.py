import pytest

pytestmark = pytest.mark.django_db


def test_healthz_answers_with_the_database_and_broker_state(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    body = response.json()
    assert body["status"] == "ok"
    assert body["database"] == "ok"
    assert body["broker"] in {"ok", "eager"}


def test_healthz_says_when_the_broker_is_down(client, unreachable_broker):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "down"}
