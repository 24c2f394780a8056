"""Who may read, aggregate, edit, review, approve and export a consultation's paper.

Drafts in progress stay with the convening directorate, its partners and the line
ministries and agencies the consultation asks to clear them (who read and comment on
sections, never edit): a participant of another invited organisation neither reads
them nor starts runs nor exports. Staff (the
director among them) edit, comment and send a version for review; only the director
approves it or sends it back. Once a version is approved, every participant reads which
of its paragraphs cite their organisation's inputs.
"""

import rules

from consult.predicates import (
    is_clearing,
    is_consultation_director,
    is_consultation_staff,
    is_invited_participant,
    is_partner,
)

rules.add_perm("positions.view_paper", is_consultation_staff | is_partner | is_clearing)
rules.add_perm("positions.start_aggregation", is_consultation_staff)
rules.add_perm("positions.export_paper", is_consultation_staff)
rules.add_perm("positions.edit_paper", is_consultation_staff)
# line ministries clearing a draft comment on its sections; they do not edit
rules.add_perm("positions.comment_paper", is_consultation_staff | is_clearing)
rules.add_perm("positions.ask_clearance", is_consultation_staff)
# correcting the grouping (merge, split, move, exclude, rename, relabel): the directorate
rules.add_perm("positions.decide_grouping", is_consultation_staff)
rules.add_perm("positions.request_review", is_consultation_staff)
rules.add_perm("positions.approve_paper", is_consultation_director)
rules.add_perm("positions.request_changes", is_consultation_director)
# The review trail (who submitted, approved or asked for changes, and their notes; the
# decisions on the grouping and their reasons) is the directorate's own deliberation:
# partners and clearing ministries read the drafts.
rules.add_perm("positions.view_review_trail", is_consultation_staff)
rules.add_perm(
    "positions.view_feedback", is_consultation_staff | is_partner | is_invited_participant
)


# On one version, as its review state allows: an approved version is locked.
@rules.predicate
def version_is_draft(user, version):
    return version is not None and version.status == version.Status.DRAFT


@rules.predicate
def version_in_review(user, version):
    return version is not None and version.status == version.Status.IN_REVIEW


@rules.predicate
def version_is_approved(user, version):
    return version is not None and version.is_approved


rules.add_perm(
    "positions.comment_version", (is_consultation_staff | is_clearing) & ~version_is_approved
)
rules.add_perm("positions.ask_clearance_version", is_consultation_staff & ~version_is_approved)
rules.add_perm("positions.submit_version", is_consultation_staff & version_is_draft)
rules.add_perm("positions.approve_version", is_consultation_director & version_in_review)
rules.add_perm("positions.decide_suggestions", is_consultation_staff & ~version_is_approved)
