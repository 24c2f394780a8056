"""What a reader may see of a draft paragraph: one rule for pages, API, compare, feedback
and exports.

A paragraph cites inputs of several confidentiality tiers. A reader below the
directorate sees the sources of their tiers (and always their own organisation's), a
count of the others, and the paragraph's text only when it gives nothing of the others
away: not when it rests on them alone (it may paraphrase them), quotes them (a key point
is one input's sentence, copied), or names the organisations that stand only behind
them. The circulation export applies the same rule with the public tier alone.
"""

from dataclasses import dataclass, field

from django.utils.translation import ngettext

from consult.models import Input
from consult.predicates import readable_tiers
from positions.citations import citations_strip
from positions.quoting import quotes_privately
from stakeholders.predicates import speaking_organisations

ALL_TIERS = frozenset(Input.Confidentiality.values)


@dataclass(frozen=True)
class Reader:
    """Whose eyes: the tiers they read and the organisations they speak for."""

    tiers: frozenset[str]
    own: frozenset[int] = field(default_factory=frozenset)

    @property
    def reads_everything(self) -> bool:
        return self.tiers >= ALL_TIERS

    def may_read(self, input: Input) -> bool:
        return input.confidentiality in self.tiers or input.organisation_id in self.own


DIRECTORATE = Reader(ALL_TIERS)
PUBLIC = Reader(frozenset({Input.Confidentiality.PUBLIC}))


def reader_for(user, consultation) -> Reader:
    """The reader `user` is in `consultation` (computed once per user and consultation)."""
    cache = user.__dict__.setdefault("_paper_readers", {})
    if consultation.pk not in cache:
        cache[consultation.pk] = Reader(
            frozenset(readable_tiers(user, consultation)),
            frozenset(speaking_organisations(user)),
        )
    return cache[consultation.pk]


@dataclass(frozen=True)
class ReadParagraph:
    text: str
    sources: list = field(default_factory=list)  # the inputs the reader may see
    unnamed: int = 0  # sources the reader may not see, counted only
    withheld: bool = False


def paragraph_read(text: str, sources, kind: str, reader: Reader) -> ReadParagraph:
    """The paragraph (`text` citing `sources`) as `reader` may see it."""
    sources = list(sources)
    if reader.reads_everything:
        return ReadParagraph(text, sources)
    seen = [s for s in sources if reader.may_read(s)]
    unseen = [s for s in sources if not reader.may_read(s)]
    if not unseen:
        return ReadParagraph(text, seen)
    # an officer's citation of an input the reader may not see is not shown either
    text = citations_strip(text, {s.pk for s in unseen})
    if kind == "annex":
        # The annex names organisations and counts inputs, quoting none, so it stays.
        return ReadParagraph(text, seen, len(unseen))
    if not seen:
        notice = ngettext(
            "[Text withheld: it rests on %(count)s input not for circulation.]",
            "[Text withheld: it rests on %(count)s inputs not for circulation.]",
            len(unseen),
        )
        return ReadParagraph(notice % {"count": len(unseen)}, [], len(unseen), True)
    seen_texts = [s.text for s in seen]
    quoted = [s for s in unseen if quotes_privately(text, s.text, seen_texts)]
    if quoted:
        notice = ngettext(
            "[Text withheld: it quotes %(count)s input not for circulation.]",
            "[Text withheld: it quotes %(count)s inputs not for circulation.]",
            len(quoted),
        )
        return ReadParagraph(notice % {"count": len(quoted)}, seen, len(unseen), True)
    if _names_unseen_organisations(text, seen, unseen):
        notice = ngettext(
            "[Text withheld: it names the organisation behind %(count)s input not for "
            "circulation.]",
            "[Text withheld: it names the organisations behind %(count)s inputs not for "
            "circulation.]",
            len(unseen),
        )
        return ReadParagraph(notice % {"count": len(unseen)}, seen, len(unseen), True)
    return ReadParagraph(text, seen, len(unseen))


def _names_unseen_organisations(text, seen, unseen) -> bool:
    """Whether `text` names an organisation that, in this paragraph, stands only behind
    inputs the reader may not see (one that also has a visible input is named anyway)."""
    open_organisations = {s.organisation_id for s in seen}
    return any(
        name and name in text
        for s in unseen
        if s.organisation_id not in open_organisations
        for name in (s.organisation.name, s.organisation.acronym)
    )
