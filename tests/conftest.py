"""Fixtures shared by the whole suite.

`world` builds one consultation with a member of every role, the cast every journey
and permission test plays with. Under REQUIRE_SERVICES=1 (CI) the suite refuses to run
without PostgreSQL, Redis and Chromium rather than skipping what needs them.
"""

import os
import shutil
from dataclasses import dataclass

import pytest

from config.celery_app import app as celery_app
from tests import services as service_checks
from tests.factories import (
    ConsultationFactory,
    MembershipFactory,
    OrganisationFactory,
    SessionFactory,
    ThematicIssueFactory,
    UserFactory,
)

PASSWORD = "secret-pass-123"  # noqa: S105


def pytest_collection_modifyitems(config, items):
    # Tests that render a PDF say so in their name; marking them lets a developer leave
    # them out (`make test-fast`).
    for item in items:
        if "pdf" in item.nodeid.lower():
            item.add_marker(pytest.mark.pdf)


def pytest_sessionstart(session):
    if os.environ.get("REQUIRE_SERVICES") != "1":
        return
    missing = service_checks.missing_services()
    if missing:
        pytest.exit("REQUIRE_SERVICES=1 but unavailable: " + "; ".join(missing), returncode=3)


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture(autouse=True)
def _empty_cache():
    # Throttle counters would otherwise carry from one test into the next.
    from django.core.cache import cache

    cache.clear()


@dataclass
class World:
    consultation: object
    session: object
    issue: object
    other_issue: object
    directorate: object
    ngo: object
    ministry: object
    partner: object
    uninvited: object
    staff: object
    director: object
    ngo_participant: object
    government_participant: object
    partner_participant: object
    observer: object
    outsider: object
    stranger_staff: object

    def user(self, role: str):
        return getattr(self, role)


ROLES = [
    "staff",
    "director",
    "ngo_participant",
    "government_participant",
    "partner_participant",
    "observer",
    "outsider",
    "stranger_staff",
]


@pytest.fixture
def world(db):
    from stakeholders.models import Membership, Organisation

    directorate = OrganisationFactory(
        name="Direktorat Sosbud & OINB", kind=Organisation.Kind.MINISTRY
    )
    ngo = OrganisationFactory(name="Migrant Care", kind=Organisation.Kind.NGO)
    ministry = OrganisationFactory(name="Kemnaker", kind=Organisation.Kind.MINISTRY)
    partner = OrganisationFactory(name="IOM Jakarta", kind=Organisation.Kind.INTERNATIONAL)
    uninvited = OrganisationFactory(name="Uninvited NGO", kind=Organisation.Kind.NGO)
    other_directorate = OrganisationFactory(
        name="Other directorate", kind=Organisation.Kind.MINISTRY
    )

    def member(username, organisation, role):
        user = UserFactory(username=username)
        MembershipFactory(user=user, organisation=organisation, role=role)
        return user

    staff = member("staff", directorate, Membership.Role.STAFF)
    consultation = ConsultationFactory(
        slug="gcm-2017", title="Posisi Indonesia untuk GCM", convener=directorate, created_by=staff
    )
    consultation.partners.add(partner)
    issue = ThematicIssueFactory(
        consultation=consultation, code="1", title="Kontribusi pekerja migran"
    )
    other_issue = ThematicIssueFactory(
        consultation=consultation, code="2", title="Kejahatan dalam migrasi"
    )
    session = SessionFactory(consultation=consultation, title="Konsultasi 14 November")
    session.invited_organisations.add(ngo, ministry)
    return World(
        consultation=consultation,
        session=session,
        issue=issue,
        other_issue=other_issue,
        directorate=directorate,
        ngo=ngo,
        ministry=ministry,
        partner=partner,
        uninvited=uninvited,
        staff=staff,
        director=member("director", directorate, Membership.Role.DIRECTOR),
        ngo_participant=member("ngo", ngo, Membership.Role.PARTICIPANT),
        government_participant=member("kemnaker", ministry, Membership.Role.PARTICIPANT),
        partner_participant=member("iom", partner, Membership.Role.PARTICIPANT),
        observer=member("observer", ngo, Membership.Role.OBSERVER),
        outsider=member("outsider", uninvited, Membership.Role.PARTICIPANT),
        stranger_staff=member("stranger", other_directorate, Membership.Role.STAFF),
    )


@pytest.fixture
def login(client):
    def as_user(user):
        client.force_login(user)
        return client

    return as_user


@pytest.fixture(scope="session")
def chromium_path():
    path = os.environ.get("CHROMIUM", "/usr/bin/chromium")
    if not shutil.which(path):
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(f"Chromium not found at {path}")
        pytest.skip(f"Chromium not found at {path}; browser tests need it")
    return path


def _forget_broker_connections():
    celery_app._pool = None
    celery_app.amqp._producer_pool = None


@pytest.fixture
def unreachable_broker():
    """A broker address on loopback where nothing listens."""
    conf = celery_app.conf
    saved = {"task_always_eager": conf.task_always_eager, "broker_url": conf.broker_url}
    conf.update(task_always_eager=False, broker_url="redis://127.0.0.1:1/0")
    _forget_broker_connections()
    yield
    conf.update(saved)
    _forget_broker_connections()
