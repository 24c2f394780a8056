from stakeholders.models import Membership, Organisation

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


def convening_organisations(user):
    """Organisations in which the user may run consultations."""
    ids = organisations_where(user, Membership.Role.STAFF, Membership.Role.DIRECTOR)
    return Organisation.objects.filter(pk__in=ids)


def participant_organisation(user) -> Organisation | None:
    """The organisation a participant speaks for (the first, if they hold several)."""
    ids = organisations_where(user, Membership.Role.PARTICIPANT)
    return Organisation.objects.filter(pk__in=ids).order_by("name").first()
