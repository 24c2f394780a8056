from stakeholders.models import Organisation
from stakeholders.predicates import running_organisations, speaking_organisations


def convening_organisations(user):
    """Organisations in which the user may run consultations."""
    return Organisation.objects.filter(pk__in=running_organisations(user))


def participant_organisation(user) -> Organisation | None:
    """The organisation a participant speaks for (the first, if they hold several)."""
    ids = speaking_organisations(user)
    return Organisation.objects.filter(pk__in=ids).order_by("name").first()
