"""Every role against every page of a consultation: who gets in, who gets 403.

The table is the specification: a change to the rules that is not also made here
fails this test.
"""

import pytest
from django.urls import reverse

from consult.models import Input
from positions.services import draft_version_create, paper_get_or_create
from tests.conftest import ROLES
from tests.factories import InputFactory
from tests.files import PDF

pytestmark = pytest.mark.django_db

RUNS = {"staff", "director"}
READS_PAPER = RUNS | {"partner_participant"}
SEES_CONSULTATION = READS_PAPER | {"ngo_participant", "government_participant", "observer"}
SPEAKS = {"ngo_participant", "government_participant", "partner_participant"}
EVERYONE = set(ROLES)
RUNS_ANY = RUNS | {"stranger_staff"}


def _paper_with_version(world):
    paper = paper_get_or_create(consultation=world.consultation)
    draft_version_create(paper=paper, sections=[], created_by=world.staff, origin="editor")
    return paper


def _in_review(world):
    from positions.review import version_transition

    paper = _paper_with_version(world)
    version_transition(version=paper.versions.get(), move="submit", actor=world.staff)
    return paper


def _with_export(world):
    from positions.exporting import export_execute, export_request

    paper = _paper_with_version(world)
    export = export_request(
        paper=paper, user=world.staff, format="md", version=paper.versions.get()
    )
    export_execute(export_id=export.pk)
    return export


def _paper_url(name, *args):
    return lambda w: reverse(f"positions:{name}", args=[w.consultation.slug, *args])


def _ngo_draft(world):
    return InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
        status=Input.Status.DRAFT,
    )


def _ngo_submitted(world, **kwargs):
    return InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
        status=Input.Status.SUBMITTED,
        **kwargs,
    )


def _publishing_session(world):
    world.session.publishes_inputs = True
    world.session.save()
    return world.session


def _attachment_url(world, status=Input.Status.SUBMITTED, publishes=False, tier="participants"):
    from django.core.files.uploadedfile import SimpleUploadedFile

    from consult.services import attachment_add

    world.session.publishes_inputs = publishes
    world.session.save()
    input = InputFactory(
        session=world.session,
        issue=world.issue,
        organisation=world.ngo,
        author=world.ngo_participant,
        status=status,
        confidentiality=tier,
    )
    file = SimpleUploadedFile("bukti.pdf", PDF)
    return attachment_add(input=input, file=file, user=world.ngo_participant).get_absolute_url()


def _input_data(world):
    return {"issue": world.issue.pk, "kind": "concern", "text": "Teks.", "language": "id"}


# name, method, url builder, data builder, roles allowed, status when allowed
PAGES = [
    ("home", "get", lambda w: reverse("consult:home"), None, EVERYONE, 200),
    (
        "consultation create",
        "get",
        lambda w: reverse("consult:consultation_create"),
        None,
        RUNS_ANY,
        200,
    ),
    (
        "consultation detail",
        "get",
        lambda w: w.consultation.get_absolute_url(),
        None,
        SEES_CONSULTATION,
        200,
    ),
    (
        "issue create",
        "post",
        lambda w: reverse("consult:issue_create", args=[w.consultation.slug]),
        lambda w: {"code": "9", "title": "New issue"},
        RUNS,
        302,
    ),
    (
        "session create",
        "post",
        lambda w: reverse("consult:session_create", args=[w.consultation.slug]),
        lambda w: {"title": "Second round", "date": "2017-12-01", "status": "draft"},
        RUNS,
        302,
    ),
    ("session detail", "get", lambda w: w.session.get_absolute_url(), None, SEES_CONSULTATION, 200),
    (
        "session invite",
        "post",
        lambda w: reverse("consult:session_invite", args=[w.consultation.slug, w.session.pk]),
        lambda w: {"organisations": [w.uninvited.pk]},
        RUNS,
        302,
    ),
    (
        "session status",
        "post",
        lambda w: reverse("consult:session_status", args=[w.consultation.slug, w.session.pk]),
        lambda w: {"status": "closed"},
        RUNS,
        302,
    ),
    (
        "input form",
        "get",
        lambda w: reverse("consult:input_create", args=[w.consultation.slug, w.session.pk]),
        None,
        SPEAKS,
        200,
    ),
    (
        "input edit of an NGO draft",
        "get",
        lambda w: reverse("consult:input_edit", args=[_ngo_draft(w).pk]),
        None,
        {"ngo_participant"},
        200,
    ),
    ("my inputs", "get", lambda w: reverse("consult:my_inputs"), None, EVERYONE, 200),
    (
        "input autosave",
        "post",
        lambda w: reverse("consult:input_autosave", args=[w.consultation.slug, w.session.pk]),
        _input_data,
        SPEAKS,
        200,
    ),
    (
        "input receipt",
        "get",
        lambda w: _ngo_submitted(w).get_absolute_url(),
        None,
        RUNS | {"ngo_participant"},
        200,
    ),
    (
        "input withdraw",
        "get",
        lambda w: reverse("consult:input_withdraw", args=[_ngo_submitted(w).pk]),
        None,
        {"ngo_participant"},
        200,
    ),
    (
        "confirm a recorded statement",
        "get",
        lambda w: reverse(
            "consult:input_confirm", args=[_ngo_submitted(w, recorded_by=w.staff).pk]
        ),
        None,
        {"ngo_participant"},
        200,
    ),
    # An attachment is read with its input: its organisation, the directorate once it is
    # submitted, others only where the session publishes and the tier allows.
    (
        "attachment of an unpublished input",
        "get",
        lambda w: _attachment_url(w),
        None,
        {"ngo_participant"} | RUNS,
        200,
    ),
    (
        "attachment of a draft",
        "get",
        lambda w: _attachment_url(w, status=Input.Status.DRAFT, publishes=True, tier="public"),
        None,
        {"ngo_participant"},
        200,
    ),
    (
        "attachment of a withdrawn input",
        "get",
        lambda w: _attachment_url(w, status=Input.Status.WITHDRAWN, publishes=True, tier="public"),
        None,
        {"ngo_participant"} | RUNS,
        200,
    ),
    (
        "attachment of a published participants-only input",
        "get",
        lambda w: _attachment_url(w, publishes=True),
        None,
        SPEAKS | RUNS,
        200,
    ),
    (
        "attachment of a published public input",
        "get",
        lambda w: _attachment_url(w, publishes=True, tier="public"),
        None,
        SPEAKS | RUNS | {"observer"},
        200,
    ),
    (
        "attachment of a published directorate-only input",
        "get",
        lambda w: _attachment_url(w, publishes=True, tier="directorate"),
        None,
        {"ngo_participant"} | RUNS,
        200,
    ),
    (
        "published inputs",
        "get",
        lambda w: reverse(
            "consult:published_inputs", args=[w.consultation.slug, _publishing_session(w).pk]
        ),
        None,
        SEES_CONSULTATION,
        200,
    ),
    (
        "record a statement",
        "get",
        lambda w: reverse("consult:statement_record", args=[w.consultation.slug, w.session.pk]),
        None,
        RUNS,
        200,
    ),
    (
        "invitations",
        "get",
        lambda w: reverse("consult:invitation_list", args=[w.consultation.slug]),
        None,
        RUNS,
        200,
    ),
    (
        "paper",
        "get",
        lambda w: reverse("positions:paper_detail", args=[w.consultation.slug]),
        None,
        READS_PAPER,
        200,
    ),
    (
        "start aggregation",
        "post",
        lambda w: reverse("positions:run_start", args=[w.consultation.slug]),
        None,
        RUNS,
        302,
    ),
    (
        "draft version",
        "get",
        lambda w: _paper_with_version(w).versions.get().get_absolute_url(),
        None,
        READS_PAPER,
        200,
    ),
    (
        "edit a section",
        "get",
        lambda w: (
            _paper_with_version(w)
            and reverse("positions:section_edit", args=[w.consultation.slug, 1, "background:0"])
        ),
        None,
        RUNS,
        404,  # the empty version has no section: past the permission check
    ),
    (
        "compare versions",
        "get",
        lambda w: (
            _paper_with_version(w)
            and reverse("positions:compare", args=[w.consultation.slug]) + "?a=1&b=1"
        ),
        None,
        READS_PAPER,
        200,
    ),
    (
        "request review",
        "post",
        lambda w: (
            _paper_with_version(w)
            and reverse("positions:version_submit", args=[w.consultation.slug, 1])
        ),
        None,
        RUNS,
        302,
    ),
    (
        "approve",
        "post",
        lambda w: (
            _in_review(w) and reverse("positions:version_approve", args=[w.consultation.slug, 1])
        ),
        None,
        {"director"},
        302,
    ),
    (
        "request changes",
        "post",
        lambda w: (
            _in_review(w)
            and reverse("positions:version_request_changes", args=[w.consultation.slug, 1])
        ),
        lambda w: {"note": "Shorter, please."},
        {"director"},
        302,
    ),
    (
        "comment",
        "post",
        lambda w: (
            _paper_with_version(w)
            and reverse("positions:comment_add", args=[w.consultation.slug, 1, "background:0"])
        ),
        lambda w: {"text": "A comment."},
        RUNS,
        404,  # the empty version has no section: past the permission check
    ),
    (
        "suggestion decision",
        "post",
        _paper_url("suggestion_decide", 999, "dismiss"),
        None,
        RUNS,
        404,  # allowed to decide, but there is no such suggestion
    ),
    ("exports page", "get", _paper_url("exports"), None, RUNS, 200),
    (
        "request an export",
        "post",
        lambda w: (
            _paper_with_version(w) and reverse("positions:exports", args=[w.consultation.slug])
        ),
        lambda w: {"version": 1, "format": "md", "language": "en", "audience": "public"},
        RUNS,
        302,
    ),
    (
        "request an inputs export",
        "post",
        _paper_url("exports"),
        lambda w: {"format": "csv", "query": "kind=concern"},
        RUNS,
        302,
    ),
    (
        "download an export",
        "get",
        lambda w: reverse(
            "positions:export_download", args=[w.consultation.slug, _with_export(w).pk]
        ),
        None,
        RUNS,
        200,
    ),
    (
        "feedback page",
        "get",
        _paper_url("feedback"),
        None,
        READS_PAPER | {"ngo_participant", "government_participant"},
        200,
    ),
]


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), PAGES, ids=[p[0] for p in PAGES]
)
def test_role_may_or_may_not(
    client,
    world,
    role,
    name,
    method,
    url,
    data,
    allowed,
    status,
    django_capture_on_commit_callbacks,
):
    target = url(world)
    client.force_login(world.user(role))

    with django_capture_on_commit_callbacks(execute=True):
        response = getattr(client, method)(target, data(world) if data else None)

    expected = status if role in allowed else 403
    assert response.status_code == expected, f"{role} on {name}"


@pytest.mark.parametrize(
    ("name", "method", "url", "data", "allowed", "status"), PAGES, ids=[p[0] for p in PAGES]
)
def test_anonymous_is_sent_to_login(client, world, name, method, url, data, allowed, status):
    response = getattr(client, method)(url(world), data(world) if data else None)

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("login"))
