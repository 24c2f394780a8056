"""For circulation, no paragraph quotes a non-public input, even beside public sources."""

import io
import json

import docx
import pytest
from pypdf import PdfReader

from consult.models import Input
from positions.aggregation import ParagraphDraft, SectionDraft
from positions.exports import version_render
from positions.quoting import quotes_privately
from positions.services import draft_version_create, paper_get_or_create
from tests.factories import InputFactory

PRIVATE = "The ministry will quietly cap placement fees at two months of wages next year."
PUBLIC = "Placement fees should be lower for domestic workers going abroad."


def test_a_shared_run_of_six_words_is_a_quote():
    assert quotes_privately(f"Key point 1 — Fees (broad): {PRIVATE} Supported by 2.", PRIVATE)
    assert quotes_privately("will QUIETLY cap placement-fees, at two", PRIVATE)
    assert not quotes_privately("The directorate wants placement fees capped.", PRIVATE)


def test_words_a_public_input_says_too_are_not_a_private_quote():
    same = "Victims of trafficking must be protected and never prosecuted."
    assert not quotes_privately(f"Point: {same}", same, public_texts=[same])
    assert quotes_privately(f"Point: {same}", same, public_texts=[PUBLIC])


def test_a_short_input_is_quoted_only_when_repeated_whole():
    assert quotes_privately("We said: protect them now.", "Protect them now!")
    assert not quotes_privately("We said: protect them.", "Protect them now!")


@pytest.fixture
def inputs(world):
    def make(text, confidentiality, org):
        return InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=org,
            text=text,
            confidentiality=confidentiality,
        )

    public = make(PUBLIC, Input.Confidentiality.PUBLIC, world.ngo)
    private = make(PRIVATE, Input.Confidentiality.DIRECTORATE, world.ministry)
    return public, private


def _version(world, *texts, sources):
    paragraphs = tuple(ParagraphDraft(text, tuple(s.pk for s in sources)) for text in texts)
    return draft_version_create(
        paper=paper_get_or_create(consultation=world.consultation),
        sections=[SectionDraft("issue", world.issue.title, paragraphs, world.issue.pk)],
        created_by=world.staff,
        origin="editor",
    )


@pytest.mark.django_db
def test_a_paragraph_worded_by_a_directorate_only_input_is_withheld(world, inputs):
    public, private = inputs
    version = _version(
        world,
        f"Key point 1 — Fees (majority): {PRIVATE} Supported by 2 organisations.",
        sources=inputs,
    )

    content = version_render(version, format="md", language="en", audience="public").decode()

    assert "quietly cap" not in content
    assert "[Text withheld: it quotes 1 input not for circulation.]" in content
    assert public.reference in content
    assert private.reference not in content
    assert "1 other input not named" in content
    data = json.loads(version_render(version, format="json", language="en", audience="public"))
    paragraph = data["sections"][0]["paragraphs"][0]
    assert (paragraph["withheld"], paragraph["sources"]) == (True, [public.reference])
    assert "quietly" not in json.dumps(data)
    internal = version_render(version, format="md", language="en", audience="directorate")
    assert "quietly cap" in internal.decode()


@pytest.mark.django_db
def test_the_directorates_own_words_are_kept_with_public_sources_named(world, inputs):
    public, private = inputs
    own = "The directorate will press for lower placement fees in the next round."
    version = _version(world, own, sources=inputs)

    content = version_render(version, format="md", language="en", audience="public").decode()

    assert own in content
    assert f"[{public.reference}; 1 other input not named]" in content
    assert "withheld" not in content


@pytest.mark.django_db
@pytest.mark.parametrize("fmt", ["docx", "pdf"])
def test_every_format_withholds_the_quote(world, inputs, fmt):
    version = _version(world, f"Key point: {PRIVATE}", sources=inputs)

    content = version_render(version, format=fmt, language="en", audience="public")

    if fmt == "docx":
        text = "\n".join(p.text for p in docx.Document(io.BytesIO(content)).paragraphs)
    else:
        text = " ".join(p.extract_text() for p in PdfReader(io.BytesIO(content)).pages)
    assert "quietly" not in text
    assert "Text withheld" in " ".join(text.split())


@pytest.mark.django_db
def test_a_paragraph_naming_the_organisation_behind_a_private_input_is_withheld(world, inputs):
    public, private = inputs
    version = _version(
        world,
        f"Key point 2 — Fees: supported by 2 organisations: {world.ngo.name}, "
        f"{world.ministry.name}.",
        f"Key point 3 — Fees: supported by {world.ngo.name}.",
        sources=inputs,
    )

    content = version_render(version, format="md", language="en", audience="public").decode()
    inside = version_render(version, format="md", language="en", audience="directorate").decode()

    assert world.ministry.name not in content
    assert "it names the organisation behind 1 input not for circulation" in content
    assert f"Key point 3 — Fees: supported by {world.ngo.name}." in content
    assert world.ministry.name in inside


@pytest.mark.django_db
def test_the_json_for_circulation_names_only_organisations_with_public_inputs(
    world, django_capture_on_commit_callbacks
):
    from positions.services import aggregation_run_start

    for organisation, tier in [
        (world.ngo, Input.Confidentiality.PUBLIC),
        (world.ministry, Input.Confidentiality.DIRECTORATE),
    ]:
        InputFactory(
            session=world.session,
            issue=world.issue,
            organisation=organisation,
            confidentiality=tier,
            kind="recommendation",
            text="Placement fees charged to migrant domestic workers must be capped by law.",
        )
    paper = paper_get_or_create(consultation=world.consultation)
    with django_capture_on_commit_callbacks(execute=True):
        run = aggregation_run_start(paper=paper, requested_by=world.staff)
    run.refresh_from_db()

    def organisations(audience):
        data = json.loads(
            version_render(run.draft_version, format="json", language="en", audience=audience)
        )
        return {
            name
            for issue in data["aggregation"]["issues"]
            for point in issue["key_points"]
            for name in point["organisations"]
        }

    assert organisations("directorate") == {world.ngo.name, world.ministry.name}
    assert organisations("public") == {world.ngo.name}
