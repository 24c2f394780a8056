"""The admin serves every model: list (with its filters and search) and add pages load."""

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client_with_data(admin_client, world, django_capture_on_commit_callbacks):
    from rest_framework.authtoken.models import Token

    from consult.moderation import input_hide, inputs_tag
    from consult.services import input_save
    from positions.models import GlossaryTerm
    from positions.services import aggregation_run_start, paper_get_or_create
    from stakeholders.services import invitation_create

    input = input_save(
        author=world.ngo_participant,
        organisation=world.ngo,
        session=world.session,
        issue=world.issue,
        kind="concern",
        text="Perlindungan masih lemah.",
        language="id",
        submit=True,
    )
    # A tag, a moderation and audit events, through the services staff use.
    inputs_tag(
        consultation=world.consultation,
        input_ids=[input.pk],
        tag_names=["perlindungan"],
        actor=world.staff,
    )
    input_hide(input=input, reason="Off topic", actor=world.staff)
    Group.objects.create(name="Analysts")
    invitation_create(
        created_by=world.staff,
        convener=world.directorate,
        organisation=world.ngo,
        email="contact@migrantcare.example",
    )
    GlossaryTerm.objects.create(indonesian="pekerja rumah tangga", english="domestic worker")
    # A failed sign-in, recorded by django-axes (access attempts and failure log).
    Client().post("/login/", {"username": world.staff.username, "password": "wrong"})
    Token.objects.create(user=world.staff)  # the API's tokens, listed by rest_framework.authtoken
    paper = paper_get_or_create(consultation=world.consultation)
    with django_capture_on_commit_callbacks(execute=True):
        aggregation_run_start(paper=paper, requested_by=world.staff)
    return admin_client


@pytest.mark.parametrize("model", admin.site._registry, ids=lambda model: model._meta.label)
def test_every_admin_list_loads_with_search(admin_client_with_data, model):
    opts = model._meta
    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_changelist")

    response = admin_client_with_data.get(url, {"q": "migran"})

    assert response.status_code == 200


@pytest.mark.parametrize("model", admin.site._registry, ids=lambda model: model._meta.label)
def test_every_admin_detail_page_loads(admin_client_with_data, model):
    opts = model._meta
    obj = model.objects.first()

    url = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
    response = admin_client_with_data.get(url)

    assert response.status_code == 200


def test_the_trail_and_moderation_are_read_only_in_the_admin(admin_client_with_data):
    from consult.models import AuditEvent, InputModeration

    for model in (AuditEvent, InputModeration):
        opts = model._meta
        obj = model.objects.first()
        change = reverse(f"admin:{opts.app_label}_{opts.model_name}_change", args=[obj.pk])
        add = reverse(f"admin:{opts.app_label}_{opts.model_name}_add")

        assert admin_client_with_data.get(add).status_code == 403
        assert admin_client_with_data.post(change, {}).status_code == 403
