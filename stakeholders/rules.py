"""Who may act for which organisation. Consultation-level rules build on these."""

import rules

from stakeholders.models import Membership
from stakeholders.selectors import organisations_where


@rules.predicate
def runs_consultations(user):
    """Staff or director of some organisation: may open a consultation for it."""
    return bool(organisations_where(user, Membership.Role.STAFF, Membership.Role.DIRECTOR))


rules.add_perm("stakeholders.view_organisation", rules.is_authenticated)
