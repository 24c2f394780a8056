from django import template
from django.urls import reverse
from django.utils.safestring import mark_safe

from positions.editing import markdown_render
from positions.exports.document import unsourced
from positions.models import KEY_POINT_LABELS
from positions.visibility import paragraph_read, reader_for
from stakeholders.predicates import speaking_organisations

register = template.Library()


@register.filter
def as_markdown(text):
    """A paragraph's Markdown as sanitised HTML."""
    return markdown_render(text)


@register.filter
def key_point_label(value: str) -> str:
    """A key point's label ("consensus", "divergent", "single-source") in the reader's
    language."""
    return KEY_POINT_LABELS.get(value, value)


@register.filter
def css_string(value) -> str:
    """`value` inside a double-quoted CSS string (the PDF's running head): letters,
    digits and spaces as they are, every other character as a CSS escape ("\\2d "), so
    a title with a hyphen, a quote or "</style>" prints as written and ends nothing."""
    return mark_safe(  # noqa: S308 — nothing but letters, digits, spaces and escapes
        "".join(ch if ch.isalnum() or ch == " " else f"\\{ord(ch):x} " for ch in str(value))
    )


@register.simple_tag(takes_context=True)
def paragraph_as_read(context, paragraph, kind, consultation):
    """The paragraph as the signed-in reader may see it (positions/visibility.py)."""
    reader = reader_for(context["user"], consultation)
    return paragraph_read(paragraph.text, paragraph.sources.all(), kind, reader)


@register.filter
def without_source(paragraph, section) -> bool:
    """Rewritten by hand in an issue or the summary, citing no input."""
    return unsourced(section, paragraph)


@register.simple_tag(takes_context=True)
def source_url(context, source, consultation) -> str:
    """Where a paragraph's source leads this reader: staff to the input's page in the
    workspace, the input's own organisation to its receipt, anyone else nowhere (the
    reference is shown without a link rather than a link to "Not allowed")."""
    user = context["user"]
    if user.has_perm("consult.view_workspace", consultation):
        return reverse("staff:input", args=[consultation.slug, source.pk])
    if source.organisation_id in speaking_organisations(user):
        return source.get_absolute_url()
    return ""
