"""Who may read, aggregate and export a consultation's position paper.

Drafts in progress stay with the convening directorate and its partners: a participant
of an invited organisation neither reads them nor starts runs nor exports.
"""

import rules

from consult.predicates import is_consultation_staff, is_partner

rules.add_perm("positions.view_paper", is_consultation_staff | is_partner)
rules.add_perm("positions.start_aggregation", is_consultation_staff)
rules.add_perm("positions.export_paper", is_consultation_staff)
