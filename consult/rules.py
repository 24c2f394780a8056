"""Who may do what in a consultation: the one source for web views and the API."""

import rules

from consult.predicates import (
    consultation_viewers,
    input_awaits_confirmation,
    input_is_editable,
    input_is_not_public,
    input_is_submitted,
    input_session_is_open,
    is_consultation_staff,
    is_member_of_input_organisation,
    may_download_attachment,
    may_read_input,
    may_speak_in_session,
    session_has_opened,
    session_is_open,
    session_publishes_inputs,
)
from stakeholders.predicates import runs_consultations

can_view_consultation = consultation_viewers.predicate

rules.add_perm("consult.add_consultation", runs_consultations)
rules.add_perm("consult.view_consultation", can_view_consultation)
rules.add_perm("consult.change_consultation", is_consultation_staff)
rules.add_perm("consult.view_session", can_view_consultation)
rules.add_perm("consult.add_input", may_speak_in_session & session_is_open)
# What a participant typed is kept, as a draft, even when the session closed while they
# wrote: the service saves it and says why it was not sent (`services.LateSubmission`).
rules.add_perm("consult.keep_input_text", may_speak_in_session & session_has_opened)
rules.add_perm("consult.keep_input_change", is_member_of_input_organisation & input_is_editable)
rules.add_perm("consult.view_input", is_consultation_staff | is_member_of_input_organisation)
rules.add_perm(
    "consult.change_input",
    is_member_of_input_organisation & input_is_editable & input_session_is_open,
)
rules.add_perm(
    "consult.withdraw_input",
    is_member_of_input_organisation & input_is_submitted & input_session_is_open,
)
rules.add_perm("consult.confirm_input", is_member_of_input_organisation & input_awaits_confirmation)
# The input's organisation may let the directorate publish it (circulation copies).
rules.add_perm(
    "consult.consent_publication",
    is_member_of_input_organisation & input_is_submitted & input_is_not_public,
)
# Reading an input's text, as its confidentiality tier allows.
rules.add_perm("consult.read_input", may_read_input)
rules.add_perm("consult.download_attachment", may_download_attachment)
rules.add_perm(
    "consult.view_published_inputs",
    is_consultation_staff | (session_publishes_inputs & can_view_consultation),
)
rules.add_perm("consult.record_statement", is_consultation_staff)
rules.add_perm("consult.manage_invitations", is_consultation_staff)

# The staff workspace: the input list, the dashboard, tagging, moderation and the audit
# trail belong to the convening directorate (staff and director).
rules.add_perm("consult.view_workspace", is_consultation_staff)
rules.add_perm("consult.moderate_input", is_consultation_staff)
rules.add_perm("consult.tag_input", is_consultation_staff)
rules.add_perm("consult.view_audit", is_consultation_staff)
rules.add_perm("consult.import_inputs", is_consultation_staff)
