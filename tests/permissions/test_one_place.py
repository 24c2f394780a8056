"""Permissions are decided in one place.

Roles are spelled only in the predicates and rules modules; everything else asks a rule
(`has_perm`, `{% has_perm %}`, a view's `permission_required`) or scopes a queryset by
the same predicates. Review states are decided by rules on the version, not in
templates. The consultation rule and the consultations it lists agree for every role.
"""

import re
from pathlib import Path

import pytest
from django.conf import settings

from consult.models import Consultation
from consult.selectors import consultation_list_for
from tests.conftest import ROLES
from tests.factories import ConsultationFactory, OrganisationFactory, SessionFactory

ROOT = Path(settings.BASE_DIR)
APPS = ("common", "config", "consult", "positions", "stakeholders", "templates")
ROLE_SPELLING = re.compile(
    r"Membership\.Role\.|\bRole\.(STAFF|DIRECTOR|PARTICIPANT|OBSERVER)\b|\b[A-Z]+_ROLES\b"
    r"|organisations_where\(|\.role\s*(==|!=|\bin\b)"
)
# Where roles may be named: the predicates and rules, the models that define them, the
# migrations and demo data that store them, and joining by invitation, which assigns one.
ALLOWED = {"predicates.py", "rules.py", "models.py", "demo.py"}
ASSIGNMENTS = ('defaults={"role": Membership.Role.PARTICIPANT}',)
REVIEW_STATE = re.compile(r"version\.status\s*==|not version\.is_approved|\.is_locked")


def _files(pattern):
    for app in APPS:
        for path in (ROOT / app).rglob(pattern):
            if "migrations" not in path.parts and path.name not in ALLOWED:
                yield path


def test_roles_are_spelled_only_in_predicates_and_rules():
    found = [
        f"{path.relative_to(ROOT)}:{n}: {line.strip()}"
        for path in [*_files("*.py"), *_files("*.html")]
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if ROLE_SPELLING.search(line) and not any(a in line for a in ASSIGNMENTS)
    ]

    assert found == []


def test_templates_ask_rules_instead_of_reading_review_states():
    found = [
        f"{path.relative_to(ROOT)}:{n}"
        for path in _files("*.html")
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1)
        if REVIEW_STATE.search(line) and "{% if" in line
    ]

    assert found == []


@pytest.mark.django_db
@pytest.mark.parametrize("role", ROLES)
def test_the_consultation_rule_and_the_consultation_list_agree(world, role):
    # Around the world's consultation: one convened by another organisation with the
    # NGO invited, one where the partner is a partner, one nobody here may see.
    elsewhere = OrganisationFactory(name="Kementerian lain")
    invited = ConsultationFactory(slug="lain-1", convener=elsewhere, created_by=world.staff)
    SessionFactory(consultation=invited).invited_organisations.add(world.ngo)
    partnered = ConsultationFactory(slug="lain-2", convener=elsewhere, created_by=world.staff)
    partnered.partners.add(world.partner)
    ConsultationFactory(slug="lain-3", convener=elsewhere, created_by=world.staff)
    user = world.user(role)

    listed = set(consultation_list_for(user=user))
    allowed = {
        c for c in Consultation.objects.all() if user.has_perm("consult.view_consultation", c)
    }

    assert listed == allowed
