from django import template

from positions.editing import markdown_render

register = template.Library()


@register.filter
def as_markdown(text):
    """A paragraph's Markdown as sanitised HTML."""
    return markdown_render(text)
