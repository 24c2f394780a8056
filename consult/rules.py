"""Who may do what in a consultation: the one source for web views and the API."""

import rules

from consult.predicates import (
    input_is_draft,
    input_session_is_open,
    is_consultation_staff,
    is_invited_observer,
    is_invited_participant,
    is_member_of_input_organisation,
    is_partner,
    may_speak_in_session,
    session_is_open,
)
from stakeholders.rules import runs_consultations

can_view_consultation = (
    is_consultation_staff | is_partner | is_invited_participant | is_invited_observer
)

rules.add_perm("consult.add_consultation", runs_consultations)
rules.add_perm("consult.view_consultation", can_view_consultation)
rules.add_perm("consult.change_consultation", is_consultation_staff)
rules.add_perm("consult.view_session", can_view_consultation)
rules.add_perm("consult.add_input", may_speak_in_session & session_is_open)
rules.add_perm("consult.view_input", is_consultation_staff | is_member_of_input_organisation)
rules.add_perm(
    "consult.change_input",
    is_member_of_input_organisation & input_is_draft & input_session_is_open,
)
rules.add_perm("consult.import_inputs", is_consultation_staff)
