"""Staff's corrections of the grouping, as constraints every run replays.

No engine groups free text perfectly, and a run must not bring back a mistake an officer
has corrected. So a decision is not an edit of one version: it is a constraint on the
grouping, anchored on inputs (which every run sees again), never on a key point (which
has no identity from one run to the next). Each run applies the decisions of its issue
in the order they were taken; new inputs are placed by the engine around them.

- ``exclude``: the anchors (a courtesy line, a procedural remark, an off-topic input) are
  in no key point and not among the other points either; still counted as inputs. They
  are grouped as before and only then taken out, so the other key points stay as they
  were.
- ``merge``: the key points holding the anchors become one.
- ``move``: the anchors join the key point holding ``targets[0]``; with no target they
  form a key point of their own.
- ``split``: the anchors leave their key point and form one of their own.
- ``rename``: the key point holding ``anchors[0]`` is called ``name_id`` / ``name_en``.
- ``relabel``: it is labelled ``label`` (the engine's label stays on the key point).
- ``represent``: its statement is the sentence of ``anchors[0]`` that best states it.
- ``confirm_campaign``: the campaign holding the anchor is one, as the engine found it
  (recorded; it changes nothing).
- ``join_campaigns``: the campaigns (or copies) holding the anchors are one campaign.
- ``leave_campaign``: the anchors are not copies: each stands on its own.

A decision whose anchors or targets are not among the issue's inputs of this run (the
input was withdrawn, hidden or moved to another issue), or whose inputs their authors
changed after it was taken (`changed`, which the caller reports), is void: reported with
its reason, never silently dropped.
"""

from collections.abc import Sequence
from dataclasses import dataclass

KINDS = (
    "exclude", "merge", "move", "split", "rename", "relabel", "represent",
    "confirm_campaign", "join_campaigns", "leave_campaign",
)  # fmt: skip
CAMPAIGNS = ("join_campaigns", "leave_campaign")
GROUPING = ("merge", "move", "split")
LABELS = ("consensus", "divergent", "single-source")

# Why a decision is void: a code the review page words in its reader's language
# (`positions.selectors.void_reason`), with the inputs it concerns.
VOID_KIND = "unknown-kind"
VOID_NO_INPUT = "no-input"
VOID_GONE = "inputs-gone"
VOID_CHANGED = "inputs-changed"
VOID_LABEL = "unknown-label"
VOID_NO_KEY_POINT = "in-no-key-point"
VOID_NO_STATEMENT = "no-statement"


@dataclass(frozen=True, slots=True)
class DecisionRecord:
    id: int
    kind: str
    anchors: tuple[int, ...]
    targets: tuple[int, ...] = ()
    name_id: str = ""
    name_en: str = ""
    label: str = ""
    # inputs whose text their authors changed after the decision was taken
    changed: tuple[int, ...] = ()


@dataclass(frozen=True, slots=True)
class DecisionOutcome:
    id: int
    applied: bool
    reason: str = ""  # why a decision is void: one of the VOID_ codes
    inputs: tuple[int, ...] = ()  # the inputs that made it void


def decisions_check(
    decisions: Sequence[DecisionRecord], input_ids: set[int]
) -> tuple[list[DecisionRecord], list[DecisionOutcome]]:
    """The decisions that can apply to this run's inputs, in order, and the void ones."""
    live, void = [], []
    for decision in sorted(decisions, key=lambda d: d.id):
        missing = [i for i in (*decision.anchors, *decision.targets) if i not in input_ids]
        if decision.kind not in KINDS:
            void.append(DecisionOutcome(decision.id, False, VOID_KIND))
        elif not decision.anchors:
            void.append(DecisionOutcome(decision.id, False, VOID_NO_INPUT))
        elif missing:
            void.append(DecisionOutcome(decision.id, False, VOID_GONE, tuple(missing)))
        elif decision.changed:
            void.append(DecisionOutcome(decision.id, False, VOID_CHANGED, decision.changed))
        elif decision.kind == "relabel" and decision.label not in LABELS:
            void.append(DecisionOutcome(decision.id, False, VOID_LABEL))
        else:
            live.append(decision)
    return live, void


def excluded_inputs(decisions: Sequence[DecisionRecord]) -> set[int]:
    return {i for d in decisions if d.kind == "exclude" for i in d.anchors}


def grouping_apply(labels: dict[int, int], decisions: Sequence[DecisionRecord]) -> dict[int, int]:
    """Input id → key point label after the merges, moves and splits, in order.

    Labels of new key points (a split, a move to no target) come after the engine's;
    the result is renumbered later by first appearance, so it stays deterministic."""
    labels = dict(labels)
    fresh = max(labels.values(), default=-1) + 1
    for decision in decisions:
        anchors = [i for i in decision.anchors if i in labels]
        if decision.kind == "merge" and anchors:
            into = labels[anchors[0]]
            merged = {labels[i] for i in anchors}
            for input_id, label in labels.items():
                if label in merged:
                    labels[input_id] = into
        elif decision.kind == "move" and anchors:
            target = labels.get(decision.targets[0]) if decision.targets else None
            if target is None:
                target, fresh = fresh, fresh + 1
            for i in anchors:
                labels[i] = target
        elif decision.kind == "split" and anchors:
            for i in anchors:
                labels[i] = fresh
            fresh += 1
    return labels


def campaigns_apply(groups: list[list[int]], ids: list[int], decisions) -> list[list[int]]:
    """Duplicate groups (of input positions, sorted, the first standing for the rest)
    after staff joined campaigns or took letters out of them; `ids` maps positions to
    input ids. A group of one is no group."""
    position = {input_id: n for n, input_id in enumerate(ids)}
    owner = {m: g for g, group in enumerate(groups) for m in group}
    members = {g: set(group) for g, group in enumerate(groups)}
    fresh = len(groups)
    for decision in decisions:
        anchors = [position[i] for i in decision.anchors if i in position]
        if decision.kind == "leave_campaign":
            for m in anchors:
                if m in owner:
                    members[owner.pop(m)].discard(m)
        elif decision.kind == "join_campaigns" and anchors:
            into = owner.get(anchors[0])
            if into is None:
                into, fresh = fresh, fresh + 1
                members[into] = {anchors[0]}
                owner[anchors[0]] = into
            for m in anchors[1:]:
                source = owner.get(m)
                joining = members.pop(source) if source is not None and source != into else {m}
                for j in joining:
                    owner[j] = into
                members[into] |= joining
    return sorted(sorted(group) for group in members.values() if len(group) > 1)
