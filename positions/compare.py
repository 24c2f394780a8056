"""Compare two versions of a paper: per section a word-level diff, and why it changed."""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

from consult.models import Input
from positions.editing import StoredSection, version_sections
from positions.models import DraftVersion
from positions.visibility import DIRECTORATE, Reader, paragraph_read

WORDS = re.compile(r"\S+|\s+")


@dataclass
class SectionDiff:
    key: str
    heading: str
    state: str  # "unchanged", "changed", "added", "removed"
    left: SafeString
    right: SafeString
    new_inputs: list = field(default_factory=list)  # inputs cited on the right only

    @property
    def changed(self):
        return self.state != "unchanged"


def words_diff(old: str, new: str) -> tuple[SafeString, SafeString]:
    """Both texts as HTML, words removed wrapped in <del> on the left, added in <ins> on
    the right; whitespace counts as its own token so paragraphs keep their breaks."""
    a, b = WORDS.findall(old), WORDS.findall(new)
    left, right = [], []
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        old_part, new_part = escape("".join(a[i1:i2])), escape("".join(b[j1:j2]))
        if op == "equal":
            left.append(old_part)
            right.append(new_part)
            continue
        if old_part:
            left.append(f"<del>{old_part}</del>")
        if new_part:
            right.append(f"<ins>{new_part}</ins>")
    return mark_safe("".join(left)), mark_safe("".join(right))  # noqa: S308 -- parts escaped


def _sources(section: StoredSection | None) -> set[int]:
    if section is None:
        return set()
    return {i for paragraph in section.paragraphs for i in paragraph.source_ids}


def _read_text(section: StoredSection | None, inputs: dict, reader: Reader) -> str:
    """The section's text as `reader` may see it (positions/visibility.py)."""
    if section is None:
        return ""
    return "\n\n".join(
        paragraph_read(
            paragraph.text,
            [inputs[i] for i in paragraph.source_ids if i in inputs],
            section.kind,
            reader,
        ).text
        for paragraph in section.paragraphs
    )


def versions_compare(
    old: DraftVersion, new: DraftVersion, reader: Reader = DIRECTORATE
) -> list[SectionDiff]:
    """Every section of either version, in the newer one's order, then those removed;
    texts and the new inputs behind a change as `reader` may see them."""
    before = {s.key: s for s in version_sections(old)}
    after = version_sections(new)
    cited = {i for s in [*before.values(), *after] for i in _sources(s)}
    inputs = Input.objects.select_related("organisation", "session").in_bulk(cited)
    diffs, new_inputs = [], {}
    for section in after:
        previous = before.pop(section.key, None)
        if previous is None:
            state = "added"
        elif (previous.heading, previous.text) == (section.heading, section.text):
            state = "unchanged"
        else:
            state = "changed"
        left, right = words_diff(
            _read_text(previous, inputs, reader), _read_text(section, inputs, reader)
        )
        diff = SectionDiff(section.key, section.heading, state, left, right)
        if state != "unchanged":
            new_inputs[section.key] = _sources(section) - _sources(previous)
        diffs.append(diff)
    for section in before.values():
        left, right = words_diff(_read_text(section, inputs, reader), "")
        diffs.append(SectionDiff(section.key, section.heading, "removed", left, right))
    for diff in diffs:
        diff.new_inputs = [
            inputs[i]
            for i in sorted(new_inputs.get(diff.key, ()))
            if i in inputs and reader.may_read(inputs[i])
        ]
    return diffs
