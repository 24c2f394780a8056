"""Who may act for which organisation. Consultation-level rules build on these."""

import rules

from stakeholders.predicates import runs_consultations, runs_for, speaks_for

rules.add_perm("stakeholders.view_organisation", rules.is_authenticated)
# Opening a consultation for an organisation, and submitting for one.
rules.add_perm("stakeholders.run_consultations_for", runs_for)
rules.add_perm("stakeholders.speak_for", speaks_for)

__all__ = ["runs_consultations"]
