"""Editing, comparing, re-aggregating and approving versions of a paper."""

import pytest
from django.core import mail
from django.core.exceptions import ValidationError

from positions import editing, review, selectors
from positions.compare import versions_compare, words_diff
from positions.models import DraftVersion, Suggestion, VersionTransition
from tests.positions.paper_helpers import aggregate, inputs_for

pytestmark = pytest.mark.django_db


def _issue_key(world):
    return f"issue:{world.issue.pk}"


def _section(version, key):
    return next(s for s in editing.version_sections(version) if s.key == key)


def _edit(world, version, text, user=None, base=None):
    return editing.section_edit(
        paper=version.paper,
        base_number=base or version.number,
        key=_issue_key(world),
        heading="Kejahatan dan perlindungan",
        text=text,
        note="rewritten",
        user=user or world.staff,
    )


def test_an_edit_makes_a_new_version_and_keeps_provenance_of_unchanged_paragraphs(world):
    inputs_for(world)
    v1 = aggregate(world)
    before = _section(v1, _issue_key(world))
    kept = before.paragraphs[0]

    v2 = _edit(world, v1, kept.text + "\n\nA paragraph written by the directorate.")

    assert v2.number == 2
    assert v2.based_on == v1
    assert v2.created_by == world.staff
    assert v2.note == "rewritten"
    after = _section(v2, _issue_key(world))
    assert after.edited
    assert after.heading == "Kejahatan dan perlindungan"
    assert after.paragraphs[0].source_ids == kept.source_ids
    assert after.paragraphs[1].source_ids == ()
    # the other sections are the same, and the old version is untouched
    assert _section(v2, "background:0").text == _section(v1, "background:0").text
    assert _section(v1, _issue_key(world)).text == before.text


def test_the_second_of_two_concurrent_edits_is_told_of_the_conflict(world):
    inputs_for(world)
    v1 = aggregate(world)
    _edit(world, v1, "The first officer's text.")

    with pytest.raises(editing.EditConflict) as conflict:
        _edit(world, v1, "The second officer's text.", user=world.director)

    assert conflict.value.latest.number == 2
    assert conflict.value.theirs == "The first officer's text."
    assert DraftVersion.objects.count() == 2  # nothing overwritten


def test_an_edit_of_another_section_since_is_not_a_conflict(world):
    inputs_for(world)
    v1 = aggregate(world)
    editing.section_edit(
        paper=v1.paper,
        base_number=1,
        key="background:0",
        heading="Latar",
        text="Baru.",
        note="",
        user=world.director,
    )

    v3 = _edit(world, v1, "Issue text.")

    assert _section(v3, "background:0").text == "Baru."
    assert _section(v3, _issue_key(world)).text == "Issue text."


def test_the_edit_view_keeps_the_text_of_the_conflicting_save(world, login):
    inputs_for(world)
    v1 = aggregate(world)
    _edit(world, v1, "The first officer's text.")
    client = login(world.director)
    url = f"/c/{world.consultation.slug}/paper/versions/1/sections/{_issue_key(world)}/edit/"

    response = client.post(
        url, {"base": 1, "heading": "H", "text": "My careful rewrite.", "note": ""}
    )

    assert response.status_code == 409
    page = response.content.decode()
    assert "My careful rewrite." in page
    assert "The first officer&#x27;s text." in page or "The first officer's text." in page


def test_the_preview_renders_markdown_without_script(world, login):
    inputs_for(world)
    aggregate(world)
    client = login(world.staff)
    url = f"/c/{world.consultation.slug}/paper/versions/1/sections/{_issue_key(world)}/edit/"

    response = client.post(
        url,
        {"base": 1, "heading": "H", "text": "**Tegas** <script>alert(1)</script>", "preview": "1"},
    )

    assert response.status_code == 200
    assert "<strong>Tegas</strong>" in response.content.decode()
    assert "<script>alert(1)" not in response.content.decode()
    assert DraftVersion.objects.count() == 1


def test_words_diff_marks_words_removed_and_added():
    left, right = words_diff("protect migrant workers abroad", "protect all migrant workers")

    assert "<del> abroad</del>" in left
    assert right == "protect<ins> all</ins> migrant workers"


def test_compare_lists_sections_changed_and_the_new_inputs_behind_them(world):
    inputs_for(world)
    v1 = aggregate(world)
    new = inputs_for(
        world, text="Access to consular protection for every migrant worker.", orgs=[world.ngo]
    )
    v2 = aggregate(world)

    diffs = versions_compare(v1, v2)

    changed = {d.key: d for d in diffs if d.changed}
    assert _issue_key(world) in changed
    assert new[0] in changed[_issue_key(world)].new_inputs
    assert "background:0" not in changed


def test_reaggregation_keeps_hand_edits_and_offers_suggestions(world):
    inputs_for(world)
    v1 = aggregate(world)
    v2 = _edit(world, v1, "Our own wording of the position.")
    (new,) = inputs_for(
        world, text="Consular protection must reach every migrant worker.", orgs=[world.ngo]
    )

    v3 = aggregate(world)

    section = _section(v3, _issue_key(world))
    assert section.edited
    assert section.text == "Our own wording of the position."
    assert v3.based_on == v2
    suggestions = list(Suggestion.objects.filter(status="pending"))
    assert suggestions
    assert all(s.section_key == _issue_key(world) for s in suggestions)
    assert any(new in s.new_sources.all() for s in suggestions)
    # a section not edited by hand is the engine's new text
    assert not _section(v3, "annex:0").edited

    accepted = next(s for s in suggestions if new in s.new_sources.all())
    v4 = editing.suggestion_accept(paper=v3.paper, suggestion_id=accepted.pk, user=world.staff)
    assert accepted.text in _section(v4, _issue_key(world)).text
    dismissed = next((s for s in suggestions if s.pk != accepted.pk), None)
    if dismissed:
        editing.suggestion_dismiss(paper=v3.paper, suggestion_id=dismissed.pk, user=world.staff)
        dismissed.refresh_from_db()
        assert dismissed.status == "dismissed"
    with pytest.raises(ValidationError):
        editing.suggestion_accept(paper=v3.paper, suggestion_id=accepted.pk, user=world.staff)


def test_review_approve_records_transitions_mails_and_locks(
    world, django_capture_on_commit_callbacks
):
    inputs_for(world)
    v1 = aggregate(world)
    section = v1.sections.get(key=_issue_key(world))
    review.review_comment_add(version=v1, section=section, author=world.director, text="Shorter.")

    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(version=v1, move="submit", actor=world.staff, note="Please")
    assert mail.outbox
    assert world.director.email in mail.outbox[-1].to
    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(
            version=v1, move="request_changes", actor=world.director, note="Fix 2.1"
        )
    with django_capture_on_commit_callbacks(execute=True):
        review.version_transition(version=v1, move="submit", actor=world.staff)
        review.version_transition(version=v1, move="approve", actor=world.director)

    v1.refresh_from_db()
    assert v1.status == DraftVersion.Status.APPROVED
    moves = list(
        VersionTransition.objects.values_list("from_status", "to_status", "actor__username")
    )
    assert moves == [
        ("draft", "in_review", "staff"),
        ("in_review", "draft", "director"),
        ("draft", "in_review", "staff"),
        ("in_review", "approved", "director"),
    ]
    assert world.staff.email in mail.outbox[-1].to
    # locked: no move, no comment; an edit starts a new draft from it
    for move in ("submit", "approve", "request_changes"):
        with pytest.raises(ValidationError):
            review.version_transition(version=v1, move=move, actor=world.director, note="x")
    with pytest.raises(ValidationError):
        review.review_comment_add(version=v1, section=section, author=world.staff, text="late")
    v2 = _edit(world, v1, "After approval.")
    assert v2.status == DraftVersion.Status.DRAFT
    assert v2.based_on == v1
    v1.refresh_from_db()
    assert v1.status == DraftVersion.Status.APPROVED


def test_only_the_director_approves(world, login):
    inputs_for(world)
    v1 = aggregate(world)
    review.version_transition(version=v1, move="submit", actor=world.staff)

    assert (
        login(world.staff)
        .post(f"/c/{world.consultation.slug}/paper/versions/1/approve/")
        .status_code
        == 403
    )
    assert (
        login(world.director)
        .post(f"/c/{world.consultation.slug}/paper/versions/1/approve/")
        .status_code
        == 302
    )
    v1.refresh_from_db()
    assert v1.status == "approved"


def test_participants_see_which_approved_paragraphs_cite_their_inputs(world, login):
    cited = inputs_for(world)
    v1 = aggregate(world)
    review.version_transition(version=v1, move="submit", actor=world.staff)
    review.version_transition(version=v1, move="approve", actor=world.director)

    feedback = selectors.feedback_for(paper=v1.paper, user=world.ngo_participant)

    assert feedback["approved"] == v1
    (item,) = feedback["items"]
    assert item["input"] == cited[0]
    assert item["paragraphs"]
    page = login(world.ngo_participant).get(f"/c/{world.consultation.slug}/paper/feedback/")
    assert page.status_code == 200
    assert cited[0].reference in page.content.decode()


def test_suggestions_are_placed_by_content_never_over_the_officers_prose(world):
    cited = inputs_for(world)
    v1 = aggregate(world)
    engine = _section(v1, _issue_key(world))
    point = next(p for p in engine.paragraphs if p.source_ids)
    prose = "Posisi Indonesia: perlindungan menyeluruh, dari desa sampai kepulangan."
    _edit(world, v1, f"{prose}\n\n{point.text}")
    (new,) = inputs_for(world, text=cited[0].text, orgs=[world.uninvited])

    aggregate(world)

    suggestions = list(Suggestion.objects.filter(status="pending"))
    # not the engine's count line, and nothing offered in place of the officer's prose
    assert all(s.sources.exists() for s in suggestions)
    assert all(s.position != 0 for s in suggestions)
    assert any(s.position == 1 and new in s.new_sources.all() for s in suggestions)


def test_accepting_suggestions_in_any_order_keeps_every_accepted_paragraph(world):
    inputs_for(world)
    v1 = aggregate(world)
    _edit(world, v1, "Our own wording of the position.")
    inputs_for(world, text="Consular protection must reach every migrant worker.", orgs=[world.ngo])
    inputs_for(world, text="Remittance costs must fall below three percent.", orgs=[world.partner])
    v3 = aggregate(world)
    added = sorted(
        Suggestion.objects.filter(status="pending", position__gt=0), key=lambda s: -s.position
    )
    assert len(added) >= 2  # both go after the officer's paragraph

    for suggestion in added:  # the later place first
        latest = editing.suggestion_accept(
            paper=v3.paper, suggestion_id=suggestion.pk, user=world.staff
        )

    text = _section(latest, _issue_key(world)).text
    assert "Our own wording of the position." in text
    assert all(suggestion.text in text for suggestion in added)
