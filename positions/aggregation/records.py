from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class InputRecord:
    id: int
    organisation: str
    organisation_kind: str
    issue_code: str
    kind: str
    stance: str
    text: str
    language: str
    external_id: str = ""

    @property
    def reference(self) -> str | int:
        """How the structured draft names the input: its external id, else its id."""
        return self.external_id or self.id


@dataclass(frozen=True, slots=True)
class IssueRecord:
    id: int
    code: str
    title: str
    subthemes: tuple[str, ...] = ()  # the codes of its sub-themes, where it has any


@dataclass(frozen=True, slots=True)
class OutlineRecord:
    """What the background section says about the consultation."""

    title: str
    description: str
    convener: str
    sessions: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class ParagraphDraft:
    text: str
    source_ids: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class SectionDraft:
    kind: str  # "background", "issue" or "annex"
    heading: str
    paragraphs: tuple[ParagraphDraft, ...] = field(default_factory=tuple)
    issue_id: int | None = None
