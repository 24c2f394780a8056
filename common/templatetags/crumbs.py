"""Breadcrumbs: where a page sits, from the list of consultations down."""

from django import template
from django.urls import reverse
from django.utils.translation import gettext as _

register = template.Library()


@register.inclusion_tag("common/breadcrumbs.html")
def breadcrumbs(here="", consultation=None, session=None, paper=None, version=None):
    """Links from the consultations list through what is given, then `here` (the page
    itself, not a link)."""
    trail = [(_("Consultations"), reverse("consult:home"))]
    if consultation is None and session is not None:
        consultation = session.consultation
    if consultation is None and paper is not None:
        consultation = paper.consultation
    if consultation is not None:
        trail.append((consultation.title, consultation.get_absolute_url()))
    if session is not None:
        trail.append((session.title, session.get_absolute_url()))
    if paper is not None:
        trail.append((_("Position paper"), paper.get_absolute_url()))
    if version is not None:
        label = _("Version %(number)s") % {"number": version.number}
        trail.append((label, version.get_absolute_url()))
    return {"trail": trail, "here": here}
