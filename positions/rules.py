"""Who may read, aggregate, edit, review, approve and export a consultation's paper.

Drafts in progress stay with the convening directorate and its partners: a participant
of an invited organisation neither reads them nor starts runs nor exports. Staff (the
director among them) edit, comment and send a version for review; only the director
approves it or sends it back. Once a version is approved, every participant reads which
of its paragraphs cite their organisation's inputs.
"""

import rules

from consult.predicates import (
    is_consultation_director,
    is_consultation_staff,
    is_invited_participant,
    is_partner,
)

rules.add_perm("positions.view_paper", is_consultation_staff | is_partner)
rules.add_perm("positions.start_aggregation", is_consultation_staff)
rules.add_perm("positions.export_paper", is_consultation_staff)
rules.add_perm("positions.edit_paper", is_consultation_staff)
rules.add_perm("positions.comment_paper", is_consultation_staff)
rules.add_perm("positions.request_review", is_consultation_staff)
rules.add_perm("positions.approve_paper", is_consultation_director)
rules.add_perm("positions.request_changes", is_consultation_director)
rules.add_perm(
    "positions.view_feedback", is_consultation_staff | is_partner | is_invited_participant
)
