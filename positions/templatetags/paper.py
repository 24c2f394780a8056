from django import template

from positions.editing import markdown_render
from positions.exports.document import unsourced
from positions.visibility import paragraph_read, reader_for

register = template.Library()


@register.filter
def as_markdown(text):
    """A paragraph's Markdown as sanitised HTML."""
    return markdown_render(text)


@register.simple_tag(takes_context=True)
def paragraph_as_read(context, paragraph, kind, consultation):
    """The paragraph as the signed-in reader may see it (positions/visibility.py)."""
    reader = reader_for(context["user"], consultation)
    return paragraph_read(paragraph.text, paragraph.sources.all(), kind, reader)


@register.filter
def without_source(paragraph, section) -> bool:
    """Rewritten by hand in an issue or the summary, citing no input."""
    return unsourced(section, paragraph)
