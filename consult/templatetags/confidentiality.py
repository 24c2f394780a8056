"""Template tags that keep an input's confidentiality on pages outside the consult app."""

from django import template

from consult.predicates import SPEAKING_ROLES, readable_tiers
from stakeholders.selectors import organisations_where

register = template.Library()


@register.simple_tag
def readable_sources(inputs, user, consultation):
    """The inputs among `inputs` that `user` may read, by tier or as their organisation."""
    tiers = readable_tiers(user, consultation)
    own = organisations_where(user, *SPEAKING_ROLES)
    return [i for i in inputs if i.confidentiality in tiers or i.organisation_id in own]
