"""Template tags that keep an input's confidentiality on pages outside the consult app."""

from django import template

from consult.selectors import inputs_readable

register = template.Library()


@register.simple_tag
def readable_sources(inputs, user, consultation):
    """The inputs among `inputs` that `user` may read, by tier or as their organisation."""
    return inputs_readable(user=user, consultation=consultation, inputs=inputs)
