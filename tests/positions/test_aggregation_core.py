"""The aggregation core on plain records: no database, milliseconds."""

from positions.aggregation import (
    InputRecord,
    IssueRecord,
    OutlineRecord,
    draft_assemble,
    issue_summarise,
)

ISSUE = IssueRecord(id=1, code="1", title="Perlindungan pekerja migran")


def record(id, organisation="Migrant Care", kind="recommendation", org_kind="ngo", text=None):
    return InputRecord(
        id=id,
        organisation=organisation,
        organisation_kind=org_kind,
        issue_code="1",
        kind=kind,
        stance="",
        text=text or f"Teks {id}.",
        language="id",
    )


def test_every_paragraph_of_an_issue_cites_its_inputs():
    inputs = [record(3), record(1, "Kemnaker", "statement", "ministry")]

    section = issue_summarise(ISSUE, inputs, language="id")

    summary, *rest = section.paragraphs
    assert summary.source_ids == (1, 3)
    assert [p.source_ids for p in rest] == [(1,), (3,)]  # statements before recommendations
    assert "Kemnaker: Teks 1." in rest[0].text


def test_support_is_counted_by_organisation_and_kind_not_by_comments():
    inputs = [record(1), record(2), record(3), record(4, "Kemnaker", org_kind="ministry")]

    summary = issue_summarise(ISSUE, inputs, language="en").paragraphs[0]

    assert summary.text == "4 inputs from 2 organisations (1 ministry/agency, 1 NGO/CSO)."


def test_the_same_inputs_in_any_order_give_the_same_draft():
    inputs = [record(i, f"Org {i % 3}") for i in range(1, 10)]
    outline = OutlineRecord(title="GCM", description="", convener="Kemlu")

    def draft(records):
        sections = {"1": issue_summarise(ISSUE, records, language="id")}
        return draft_assemble(outline, [ISSUE], sections, records, language="id")

    assert draft(inputs) == draft(list(reversed(inputs)))


def test_an_issue_without_inputs_says_so():
    section = issue_summarise(ISSUE, [], language="en")

    assert [p.text for p in section.paragraphs] == [
        "No inputs have been submitted on this issue yet."
    ]


def test_the_draft_has_background_issues_in_order_and_an_annex_of_participants():
    second = IssueRecord(id=2, code="2", title="Kejahatan dalam migrasi")
    inputs = [record(1), record(2, "IOM Jakarta", org_kind="international")]
    outline = OutlineRecord(
        title="GCM",
        description="Konsultasi",
        convener="Kemlu",
        sessions=("Konsultasi, 14-11-2017",),
    )
    sections = {
        "1": issue_summarise(ISSUE, inputs, language="en"),
        "2": issue_summarise(second, [], language="en"),
    }

    draft = draft_assemble(outline, [ISSUE, second], sections, inputs, language="en")

    assert [s.heading for s in draft] == [
        "Background",
        "1. Perlindungan pekerja migran",
        "2. Kejahatan dalam migrasi",
        "Annex: participants",
    ]
    annex = draft[-1]
    assert [(p.text, p.source_ids) for p in annex.paragraphs] == [
        ("IOM Jakarta (international organisation): 1 inputs.", (2,)),
        ("Migrant Care (NGO/CSO): 1 inputs.", (1,)),
    ]
