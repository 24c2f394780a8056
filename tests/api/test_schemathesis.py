"""Contract tests: schemathesis drives every operation of the OpenAPI schema, signed in
with a staff token, and finds no 5xx and no response that breaks the schema.

The number of examples is bounded so the suite stays fast on a 2-core machine.
"""

import pytest
import schemathesis
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application

# The schema is read once, at collection, through the WSGI app (no database needed);
# the calls run inside each test's transaction, with the `world` cast in place.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


@pytest.fixture(autouse=True)
def _keep_test_connection():
    """Calls go through the WSGI handler, whose request signals would close the test's
    database connection (and its transaction); Django's test client unhooks them too."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@schema.parametrize()
@settings(
    max_examples=8,
    deadline=None,
    suppress_health_check=list(HealthCheck),
)
def test_api_contract(case, world):
    slug = (case.path_parameters or {}).get("slug")
    if slug is not None and len(slug) % 2 == 0:  # about half reach the real consultation
        case.path_parameters["slug"] = world.consultation.slug
    token, _created = Token.objects.get_or_create(user=world.staff)
    case.call_and_validate(
        headers={"Authorization": f"Token {token.key}"},
        checks=[not_a_server_error, response_schema_conformance],
    )
