import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from consult.models import Consultation, Input, Session, ThematicIssue
from stakeholders.models import Membership, Organisation

pytestmark = pytest.mark.django_db

MODELS = [get_user_model(), Organisation, Membership, Consultation, ThematicIssue, Session, Input]


def _snapshot():
    return {
        model.__name__: sorted(map(repr, model.objects.values().order_by("pk"))) for model in MODELS
    }


def test_seed_demo_loads_the_2017_consultation_with_one_login_per_role(capsys):
    call_command("seed_demo")

    out = capsys.readouterr().out
    for username in ["staf", "direktur", "kemnaker", "migrantcare", "iom", "pengamat"]:
        assert username in out
    consultation = Consultation.objects.get(slug="gcm-2017")
    assert consultation.convener.acronym == "Kemlu Sosbud & OINB"
    assert consultation.sessions.get().date.isoformat() == "2017-11-14"
    assert consultation.issues.filter(parent=None).count() == 4
    assert set(Membership.objects.values_list("role", flat=True)) == set(Membership.Role.values)


def test_seed_demo_twice_changes_nothing():
    call_command("seed_demo")
    before = _snapshot()

    call_command("seed_demo")

    assert _snapshot() == before


def test_seed_demo_is_refused_under_production_settings(settings):
    settings.DEMO_DATA_ALLOWED = False

    with pytest.raises(CommandError):
        call_command("seed_demo")

    assert not Consultation.objects.exists()


def test_demo_logins_work(client):
    call_command("seed_demo")

    response = client.post(
        "/login/", {"username": "migrantcare", "password": "gcm-demo-2017"}, follow=True
    )

    assert response.context["user"].username == "migrantcare"
