"""Who acts for which organisation: the roles, spelled here and nowhere else.

Every rule of the workspace builds on these (consult/predicates.py, the apps' rules.py);
querysets that must agree with a rule scope by the same sets of organisations.
"""

from collections.abc import Iterable

import rules

from stakeholders.models import Membership

_CACHE_ATTR = "_gcm_roles_by_organisation"


def roles_by_organisation(user) -> dict[int, str]:
    """The user's role in each organisation, read once per user object (so per request)."""
    if not user.is_authenticated:
        return {}
    roles = getattr(user, _CACHE_ATTR, None)
    if roles is None:
        roles = dict(user.memberships.values_list("organisation_id", "role"))
        setattr(user, _CACHE_ATTR, roles)
    return roles


def organisations_where(user, *roles: str) -> set[int]:
    return {org for org, role in roles_by_organisation(user).items() if role in roles}


# Staff and the director run the convening directorate's consultations.
RUNNING_ROLES = (Membership.Role.STAFF, Membership.Role.DIRECTOR)
# Participants speak (submit inputs) for their organisation.
SPEAKING_ROLES = (Membership.Role.PARTICIPANT,)
# Observers read what their organisation is invited to, and say nothing.
OBSERVING_ROLES = (Membership.Role.OBSERVER,)
DIRECTING_ROLES = (Membership.Role.DIRECTOR,)


def running_organisations(user) -> set[int]:
    return organisations_where(user, *RUNNING_ROLES)


def speaking_organisations(user) -> set[int]:
    return organisations_where(user, *SPEAKING_ROLES)


def observing_organisations(user) -> set[int]:
    return organisations_where(user, *OBSERVING_ROLES)


def directing_organisations(user) -> set[int]:
    return organisations_where(user, *DIRECTING_ROLES)


def directors_of(organisation_id: int):
    """The user ids of an organisation's directors (told when a version awaits review)."""
    return Membership.objects.filter(
        organisation_id=organisation_id, role__in=DIRECTING_ROLES
    ).values_list("user_id", flat=True)


def speakers_of(organisation_ids: Iterable[int]) -> dict[int, list[int]]:
    """The user ids of those who speak for each organisation (told when it is asked to
    clear a draft or to let its inputs be public), in one query."""
    speakers: dict[int, list[int]] = {pk: [] for pk in organisation_ids}
    for organisation_id, user_id in Membership.objects.filter(
        organisation_id__in=speakers, role__in=SPEAKING_ROLES
    ).values_list("organisation_id", "user_id"):
        speakers[organisation_id].append(user_id)
    return speakers


@rules.predicate
def runs_consultations(user):
    """Staff or director of some organisation: may open a consultation for it."""
    return bool(running_organisations(user))


@rules.predicate
def runs_for(user, organisation):
    """Staff or director of this organisation."""
    return organisation is not None and organisation.pk in running_organisations(user)


@rules.predicate
def speaks_for(user, organisation):
    """A participant of this organisation."""
    return organisation is not None and organisation.pk in speaking_organisations(user)
