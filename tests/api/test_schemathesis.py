"""Contract tests: schemathesis drives every operation of the OpenAPI schema, signed in
with a staff token, and finds no 5xx and no response that breaks the schema.

The number of examples is bounded so the suite stays fast on a 2-core machine.
"""

import schemathesis
from hypothesis import HealthCheck, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from config.wsgi import application

# The schema is read once, at collection, through the WSGI app (no database needed);
# the calls run inside each test's transaction, with the `world` cast in place.
schema = schemathesis.openapi.from_wsgi("/api/schema/", application)


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
