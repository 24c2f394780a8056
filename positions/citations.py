"""Citations an officer writes into a paragraph: "[GCM-2017-0021]".

The editor inserts an input's reference in brackets where the text rests on it; saving
makes the input a source of that paragraph, so a paragraph rewritten by hand still says
which inputs stand behind it, and the exports list it with the paragraph's other sources
as they always have. The marker stays in the text, so the citation survives every later
edit; a reader who may not see the input does not see its marker either
(`visibility.paragraph_read`).
"""

import re

# "[GCM-2017-0021]": the reference every input is quoted by (consult.models.Input);
# anything of that shape is read as a citation, so a mistyped one ("[GCM-2017-21]",
# another year) is refused by name rather than left in the text as no citation at all
CITATION = re.compile(r"\s?\[(GCM-[0-9]{4}-([0-9]+))\]")


def cited_ids(text: str) -> list[int]:
    """The ids of the inputs cited in `text`, in order of first citation."""
    return list(dict.fromkeys(int(pk) for _reference, pk in CITATION.findall(text)))


def cited_references(text: str) -> dict[str, int]:
    """Each reference cited in `text`, as written, with the input id it names."""
    return {reference: int(pk) for reference, pk in CITATION.findall(text)}


def citations_strip(text: str, hidden: set[int]) -> str:
    """`text` without the markers of the inputs in `hidden`."""
    if not hidden:
        return text
    return CITATION.sub(lambda m: "" if int(m.group(2)) in hidden else m.group(0), text)
