"""One thematic issue's inputs → key points, recommendations and duplicate groups.

The stages, each a pure function of the records (no clock, no randomness without a
fixed seed, inputs taken in id order), so the same inputs always give the same result:

1. normalise and split every input into statements; detect the language (declared or
   by stop words); features = glossary concepts + Snowball stems (`text.py`);
2. near-duplicates and campaign letters by MinHash (`duplicates.py`): one
   representative (the earliest input) is grouped, its members count as support;
3. inputs into key points by TF-IDF and leader clustering (`grouping.py`), each input
   by the sum of its statements' rows, so an input is placed once; the representative
   statement is the one nearest the group's centroid (in the paper's language wherever
   the group has one at least half as near), the name its three heaviest terms as
   whole words;
4. support counted by organisation and by organisation kind, never by inputs;
5. recommendations: statements that ask (a recommending verb), or every statement of an
   input filed as a recommendation that asks in none; per key point, those asking for
   the same thing grouped, the one most organisations asked for quoted and credited to
   them alone.

Labels. *divergent*: some organisation opposes (stance "oppose", a statement saying it
disagrees, or one asking for the opposite on the same words: "... should not be
legalized" beside "... should be legal") while another supports or states the point;
the point is then stated by a statement of its own side. *consensus*: no opposition
and organisations of at least two kinds raise it. *single-source*: one source
constituency only — one organisation, or organisations of a single kind. Alongside the
label every key point carries Polis's group-informed consensus, the product over the
organisation kinds that spoke on the issue of (agree + 1) / (total + 2), agree =
organisations of that kind behind the point, total = organisations of that kind that
spoke on the issue; it orders key points of equal support and is shown to staff, the
label stays the plain rule above.
"""

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field, fields, replace
from functools import lru_cache

import numpy as np
from scipy import sparse

from common.text import LANGUAGES, language_detect, normalise, words
from positions.aggregation.decisions import (
    CAMPAIGNS,
    GROUPING,
    VOID_NO_KEY_POINT,
    VOID_NO_STATEMENT,
    DecisionOutcome,
    DecisionRecord,
    campaigns_apply,
    decisions_check,
    excluded_inputs,
    grouping_apply,
)
from positions.aggregation.duplicates import duplicate_groups
from positions.aggregation.glossary import GLOSSARY, feature_of, glossary_entries
from positions.aggregation.grouping import (
    DECIMALS,
    attach_by_statement,
    cluster,
    group_centroids,
    join_opposing,
    tfidf,
)
from positions.aggregation.records import InputRecord, IssueRecord
from positions.aggregation.text import (
    RECOMMENDATION_CUES,
    Analyzer,
    about_the_meeting,
    statements_split,
    thanks_or_greets,
)

PIPELINE_VERSION = "19"

_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)  # words and numbers: copies keep both


@dataclass(frozen=True)
class Params:
    """What shapes a run's result; stored in its manifest."""

    # word-set Jaccard with the letter's representative: a signatory's name, town and a
    # couple of edited words in a 20-word letter stay above 0.75; two organisations
    # writing the same point in their own words stay below it (duplicates.py)
    duplicate_threshold: float = 0.75
    duplicate_shingle: int = 1  # words per shingle: letters are a sentence or two

    group_threshold: float = 0.25  # cosine of an input to a key point's centroid to join it
    # cosine between two centroids to merge their key points: one point in several framings
    # ("kerja sama regional lewat Bali Process", "polisi kedua negara harus kerja sama")
    # leaves groups whose centroids meet at 0.4 to 0.5. Measured on every corpus side by
    # side (README, Benchmarks): 0.5 -> 0.4 raised ARI on hand_a 0.67 -> 0.75 and on
    # hand_b 0.61 -> 0.62, joined no two points, and kept the generated corpus (0.99) and
    # Polis's votes (0.31, 0.02) where they were; below 0.35 the generated corpus's
    # points start to join
    merge_threshold: float = 0.4
    concept_weight: float = 2.0  # glossary concepts against other words (grouping.tfidf)
    min_features: int = 2  # shorter statements ("Terima kasih.") are not grouped
    glossary: tuple[tuple[str, str], ...] = ()  # staff additions (Indonesian, English)
    builtin_glossary: bool = True  # off only to measure what the glossary does

    def manifest(self) -> dict:
        return {**asdict(self), "glossary": [list(pair) for pair in self.glossary]}


@dataclass(frozen=True)
class KeyPoint:
    """A point made by several inputs. `organisations` are those behind it (they raise
    or support it) and `kinds` their kinds; `supporting` are those of them that said
    they support it (stance); `opposing` and `opposing_kinds` the other side."""

    name: str
    statement: str
    statement_source: int
    sources: tuple[int, ...]
    organisations: tuple[str, ...]
    kinds: dict[str, int]
    label: str
    opposing: tuple[str, ...] = ()
    consensus_score: float = 0.0
    languages: tuple[str, ...] = ()
    supporting: tuple[str, ...] = ()
    opposing_kinds: dict[str, int] = field(default_factory=dict)
    # no statement of the group is in the paper's language: the officer translates
    needs_translation: bool = False
    engine_label: str = ""  # the engine's label, where staff set another
    decisions: tuple[int, ...] = ()  # the staff decisions that shaped this key point


@dataclass(frozen=True)
class Recommendation:
    text: str
    sources: tuple[int, ...]
    organisations: int = 0
    needs_translation: bool = False  # no statement of it is in the paper's language


@dataclass(frozen=True)
class DuplicateGroup:
    representative: int
    members: tuple[int, ...]
    organisations: int
    text: str = ""
    # the organisation whose letter stands for the campaign: the letter names it ("Kami,
    # warga Forum Pemuda Sampang ...") and the paper says whose words it quotes
    sender: str = ""

    @property
    def is_campaign(self) -> bool:
        return self.organisations > 1


@dataclass(frozen=True)
class IssueResult:
    code: str
    inputs: int
    organisations: int
    statements: int
    key_points: tuple[KeyPoint, ...] = ()
    recommendations: tuple[Recommendation, ...] = ()
    duplicate_groups: tuple[DuplicateGroup, ...] = ()
    # (id, organisation, text) of inputs in no key point: shown one by one in the draft
    other_points: tuple[tuple[int, str, str], ...] = ()
    # those of them written in another language than the paper's: marked for translation
    other_untranslated: tuple[int, ...] = ()
    # inputs that say nothing to group: counted, left out of the draft, shown to staff
    set_apart: tuple[int, ...] = ()
    kinds: dict[str, int] = field(default_factory=dict)
    decisions: tuple[DecisionOutcome, ...] = ()  # staff decisions applied or void
    # how much of the engine's proposal staff changed: inputs they placed or excluded,
    # key points their decisions touched (the review page's agreement figures)
    staff_changes: dict[str, int] = field(default_factory=dict)

    def to_dict(self) -> dict:
        """`asdict` without its deep copies (a large issue's result is hundreds of
        thousands of values): every field is a plain value, a tuple or a frozen record."""
        data = {f.name: getattr(self, f.name) for f in fields(self)}
        for name in ("key_points", "recommendations", "duplicate_groups", "decisions"):
            data[name] = [
                {f.name: getattr(item, f.name) for f in fields(item)} for item in data[name]
            ]
        return data

    @classmethod
    def from_dict(cls, data: dict) -> "IssueResult":
        def tuples(value):
            return tuple(value)

        return cls(
            code=data["code"],
            inputs=data["inputs"],
            organisations=data["organisations"],
            statements=data["statements"],
            key_points=tuple(
                KeyPoint(**{k: tuples(v) if isinstance(v, list) else v for k, v in kp.items()})
                for kp in data["key_points"]
            ),
            recommendations=tuple(
                Recommendation(**{**r, "sources": tuple(r["sources"])})
                for r in data["recommendations"]
            ),
            duplicate_groups=tuple(
                DuplicateGroup(**{**g, "members": tuple(g["members"])})
                for g in data["duplicate_groups"]
            ),
            other_points=tuple(tuple(point) for point in data.get("other_points", ())),
            other_untranslated=tuple(data.get("other_untranslated", ())),
            set_apart=tuple(data.get("set_apart", ())),
            kinds=data["kinds"],
            decisions=tuple(
                DecisionOutcome(**{**d, "inputs": tuple(d.get("inputs", ()))})
                for d in data.get("decisions", ())
            ),
            staff_changes=data.get("staff_changes", {}),
        )


@lru_cache(maxsize=8)
def _analyzer(extra: tuple[tuple[str, str], ...], builtin: bool = True) -> Analyzer:
    return Analyzer(glossary_entries(extra, builtin=builtin))


def _concept_names(extra: Iterable[tuple[str, str]]) -> dict[str, dict[str, str]]:
    names = {
        feature_of(concept): {"id": ind.split("|")[0], "en": eng.split("|")[0]}
        for concept, ind, eng in GLOSSARY
    }
    for indonesian, english in extra:
        names.setdefault(
            "~" + normalise(english).replace(" ", "-"), {"id": indonesian, "en": english}
        )
    return names


@dataclass
class _Statement:
    input_index: int
    text: str
    language: str
    recommends: bool
    disagrees: bool = False
    demand: int = 0  # +1 asks that something be, -1 that it not be (_demand)
    previous: str = ""  # the sentence before it in its input
    objecting: bool = False  # joined its key point with an objection to it (join_opposing)

    @property
    def standing(self) -> str:
        """The statement as the paper quotes it: with the sentence before it where it
        leans on that one ("... tanpa akta kelahiran. Ini harus diselesaikan bersama
        Malaysia."), still a span of its input."""
        if self.previous and _leans_on_context(self.text):
            return f"{self.previous} {self.text}"
        return self.text


# Words that say the writer disagrees, in either language: "tidak setuju", "NO to ...",
# "we would caution against". A statement with one of them, in a key point where most
# statements have none, stands on the other side of the point.
_DISAGREES = re.compile(
    r"\b(?:tidak setuju|tak setuju|nggak setuju|gak setuju|tidak sependapat|tidak mendukung"
    r"|kami menolak|saya menolak|kami keberatan|menolak keras|disagree|do not agree|don't agree"
    r"|do not support|don't support|we oppose|i oppose|strongly oppose|we reject|we object"
    r"|caution against|are against|am against)\b"
    r"|(?:^|[.!?]\s+)no to\b|\bNO to\b",
    re.IGNORECASE,
)


def kind_counts(organisations: Iterable[str], kind_of: dict[str, str]) -> dict[str, int]:
    """How many of the organisations are of each kind, the most frequent kind first."""
    counts = Counter(kind_of[name] for name in set(organisations))
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def issue_aggregate(
    issue: IssueRecord,
    inputs: Sequence[InputRecord],
    *,
    params: Params,
    language: str,
    decisions: Sequence[DecisionRecord] = (),
) -> IssueResult:
    """Everything the draft says about one issue, from that issue's submitted inputs,
    with staff's decisions on the grouping replayed (`decisions.py`)."""
    inputs = sorted(inputs, key=lambda record: record.id)
    decisions, void = decisions_check(decisions, {record.id for record in inputs})
    excluded = excluded_inputs(decisions)
    kind_of = {record.organisation: record.organisation_kind for record in inputs}
    issue_kinds = kind_counts(kind_of, kind_of)
    if not inputs:
        return IssueResult(issue.code, 0, 0, 0, kinds={})
    # each distinct text read once: a letter sent many times is not split again
    read: dict[str, tuple[str, list[str], list[str]]] = {}
    for record in inputs:
        if record.text not in read:
            text = normalise(record.text)
            split = statements_split(record.text)
            # inputs that say nothing but courtesy ("Terima kasih.") are counted, never grouped
            read[record.text] = (text, split, _TOKEN.findall(text) if split else [])
    languages = [
        # a declared language stands; only the others are read for theirs
        record.language
        if record.language in LANGUAGES
        else language_detect(words(read[record.text][0]), record.language)
        for record in inputs
    ]
    splits = [read[record.text][1] for record in inputs]

    # 2. duplicates: members follow their representative from here on
    groups = duplicate_groups(
        [read[record.text][2] for record in inputs],
        params.duplicate_threshold,
        languages=languages,
        size=params.duplicate_shingle,
    )
    if any(d.kind in CAMPAIGNS for d in decisions):
        groups = campaigns_apply(groups, [r.id for r in inputs], decisions)
    if excluded:  # a letter staff took out leaves its campaign; the next one stands for it
        kept = ([i for i in group if inputs[i].id not in excluded] for group in groups)
        groups = [group for group in kept if len(group) > 1]
    members_of = {group[0]: group for group in groups}
    duplicate = {i for group in groups for i in group[1:]}

    # 1. statements of the representatives, with their features; an input staff
    # excluded is grouped as before and only then taken out of its key point, so that
    # excluding one remark never moves the inputs of other key points
    analyzer = _analyzer(params.glossary, params.builtin_glossary)
    statements: list[_Statement] = []
    features: list[list[str]] = []
    # statements about the meeting itself or thanking for it, with none of the domain's
    # terms (`about_the_meeting`, `thanks_or_greets`)
    aside: set[int] = set()
    asks = {
        index: any(
            not RECOMMENDATION_CUES.isdisjoint(words(normalise(sentence)))
            for sentence in splits[index]
        )
        for index, record in enumerate(inputs)
        if record.kind == "recommendation" and index not in duplicate
    }
    for index, record in enumerate(inputs):
        if index in duplicate:
            continue
        lang = languages[index]
        for k, sentence in enumerate(splits[index]):
            tokens = words(normalise(sentence))
            feats = analyzer.features(tokens, lang)
            if len(feats) < params.min_features:
                continue
            # a sentence that asks ("should", "perlu", "we recommend"); in an input filed as
            # a recommendation that asks in none of its sentences, every sentence
            recommends = not RECOMMENDATION_CUES.isdisjoint(tokens) or (
                record.kind == "recommendation" and not asks.get(index, False)
            )
            if (about_the_meeting(tokens) or thanks_or_greets(sentence)) and not any(
                f[0] == "~" for f in feats
            ):
                aside.add(len(statements))
            statements.append(
                _Statement(
                    index,
                    sentence,
                    lang,
                    recommends,
                    _disagrees(sentence),
                    _demand(sentence, tokens),
                    splits[index][k - 1] if k else "",
                )
            )
            features.append(feats)

    # a remark about the meeting itself ("Parkir penuh", "The Wi-Fi kept disconnecting")
    # or a long word of thanks ("Thank you for organising this consultation in Kupang,
    # ...") that names none of the domain's terms is left out as a courtesy line is,
    # where the consultation is on the domain's ground (in a town's conversation parking
    # is the subject); an input staff's decisions name keeps its statements
    if aside and _domain_share(features) >= DOMAIN_GROUND:
        named = {i for d in decisions for i in (*d.anchors, *d.targets)}
        keep = [
            k
            for k, statement in enumerate(statements)
            if k not in aside or inputs[statement.input_index].id in named
        ]
        statements = [statements[k] for k in keep]
        features = [features[k] for k in keep]

    out = {i for i, record in enumerate(inputs) if record.id in excluded}
    spoke = {statement.input_index for statement in statements} - out

    # 3. key points
    matrix, columns = tfidf(features, concept_weight=_concept_weight(features, params))
    labels, joined = _input_labels(matrix, statements, params, inputs)
    # an objection and what came with it speak for the other side of the point they joined
    statements = [
        replace(statement, objecting=True) if joined[k] else statement
        for k, statement in enumerate(statements)
    ]
    labels = _decided_labels(labels, statements, inputs, groups, decisions)
    names = _concept_names(params.glossary)
    key_points, recommendations, grouped = [], [], set()
    centroids = []  # each key point's, for a statement staff choose from an input
    order = np.argsort(labels, kind="stable")  # rows of each label, in row order
    bounds = np.flatnonzero(np.r_[True, np.diff(labels[order]) != 0, True])
    for rows in (order[a:b] for a, b in zip(bounds[:-1], bounds[1:], strict=True)):
        if out:
            rows = rows[[statements[r].input_index not in out for r in rows]]
            if not len(rows):
                continue
        indices = sorted({statements[r].input_index for r in rows})
        expanded = sorted({m for i in indices for m in members_of.get(i, (i,))})
        if len(expanded) < 2:
            continue
        grouped.update(expanded)
        centroid = np.asarray(matrix[rows].sum(axis=0)).ravel()
        centroids.append(centroid)
        key_points.append(
            _key_point(
                rows,
                centroid,
                expanded,
                statements,
                matrix,
                columns,
                inputs,
                kind_of,
                issue_kinds,
                names,
                language,
                analyzer,
                members_of,
            )
        )
        # a recommendation speaks for the point's own side: an opponent's "we recommend
        # ..." is not proposed by the organisations behind the point
        against = set(key_points[-1].opposing)
        rec_rows = [
            r
            for r in rows
            if statements[r].recommends
            and inputs[statements[r].input_index].organisation not in against
        ]
        recommendations += _recommendations(
            rec_rows, statements, matrix, inputs, members_of, language, params
        )
    # inputs in no key point that say something: shown one by one in the draft
    others = [
        i for i in range(len(inputs)) if i not in grouped and i not in duplicate and i in spoke
    ]
    # those that say nothing to group (thanks, greetings, remarks about the meeting, a
    # word or two), staff's exclusions aside: counted, out of the draft, shown to staff
    set_apart = [
        i for i in range(len(inputs)) if i not in duplicate and i not in spoke and i not in out
    ]
    key_points, unapplied = _decided_points(
        key_points, centroids, matrix, statements, inputs, decisions, language
    )
    order = sorted(
        range(len(key_points)),
        key=lambda i: (
            -len(key_points[i].organisations),
            -key_points[i].consensus_score,
            key_points[i].sources[0],
        ),
    )
    return IssueResult(
        code=issue.code,
        inputs=len(inputs),
        organisations=len(kind_of),
        statements=len(statements),
        key_points=tuple(key_points[i] for i in order),
        recommendations=tuple(
            sorted(recommendations, key=lambda r: (-r.organisations, r.sources[0]))
        ),
        duplicate_groups=tuple(
            DuplicateGroup(
                representative=inputs[group[0]].id,
                members=tuple(inputs[i].id for i in group),
                organisations=len({inputs[i].organisation for i in group}),
                text=inputs[group[0]].text,
                sender=inputs[group[0]].organisation,
            )
            for group in groups
        ),
        other_points=tuple((inputs[i].id, inputs[i].organisation, inputs[i].text) for i in others),
        other_untranslated=tuple(
            inputs[i].id for i in others if language in ("id", "en") and languages[i] != language
        ),
        set_apart=tuple(inputs[i].id for i in set_apart),
        kinds=issue_kinds,
        decisions=tuple(
            sorted(
                [
                    DecisionOutcome(d.id, False, unapplied[d.id], d.anchors[:1])
                    if d.id in unapplied
                    else DecisionOutcome(d.id, True)
                    for d in decisions
                ]
                + void,
                key=lambda o: o.id,
            )
        ),
        staff_changes=_staff_changes(key_points, decisions),
    )


def _staff_changes(key_points, decisions) -> dict[str, int]:
    placed = {i for d in decisions if d.kind in (*GROUPING, "exclude") for i in d.anchors}
    touched = sum(1 for p in key_points if p.decisions or placed.intersection(p.sources))
    return {"inputs": len(placed), "key_points": touched} if decisions else {}


def _decided_labels(labels, statements, inputs, groups, decisions) -> np.ndarray:
    """The statements' key points after staff's merges, moves and splits. A decision
    naming a copy in a campaign acts on the letter that stands for it."""
    grouping = [d for d in decisions if d.kind in GROUPING]
    if not grouping or not statements:
        return labels
    stands_for = {inputs[m].id: inputs[group[0]].id for group in groups for m in group}
    by_input = {inputs[st.input_index].id: int(labels[r]) for r, st in enumerate(statements)}
    resolved = [
        replace(
            d,
            anchors=tuple(stands_for.get(i, i) for i in d.anchors),
            targets=tuple(stands_for.get(i, i) for i in d.targets),
        )
        for d in grouping
    ]
    decided = grouping_apply(by_input, resolved)
    return np.array([decided[inputs[st.input_index].id] for st in statements], dtype=np.int64)


def _decided_points(key_points, centroids, matrix, statements, inputs, decisions, language):
    """Names, labels and representative statements as staff set them; and, by id, why
    those that could not apply did not (their input in no key point, a statement chosen
    from an input that has none of its own). A statement staff choose is the chosen
    input's sentence that best states the point, as `_nearest` picks one: not its
    opening anecdote or greeting."""
    naming = [d for d in decisions if d.kind in ("rename", "relabel", "represent")]
    unapplied: dict[int, str] = {}
    if not naming:
        return key_points, unapplied
    key_points = list(key_points)
    for decision in naming:
        anchor = decision.anchors[0]
        n = next((n for n, p in enumerate(key_points) if anchor in p.sources), None)
        if n is None:
            unapplied[decision.id] = VOID_NO_KEY_POINT
            continue
        point = key_points[n]
        changes: dict = {"decisions": (*point.decisions, decision.id)}
        if decision.kind == "rename":
            changes["name"] = (decision.name_en if language == "en" else decision.name_id) or (
                decision.name_id or decision.name_en
            )
        elif decision.kind == "relabel":
            changes["label"] = decision.label
            changes["engine_label"] = point.engine_label or point.label
        else:
            rows = [r for r, st in enumerate(statements) if inputs[st.input_index].id == anchor]
            if not rows:
                unapplied[decision.id] = VOID_NO_STATEMENT
                continue
            chosen, _untranslated = _nearest(
                np.asarray(rows), centroids[n], matrix, statements, language
            )
            own = statements[chosen]
            changes["statement"] = own.standing
            changes["statement_source"] = anchor
            changes["needs_translation"] = own.language != language
        key_points[n] = replace(point, **changes)
    return key_points, unapplied


# What a statement asks for: that something should be (+1: "should", "must", "harus",
# "perlu") or should not be (-1: "should not", "must not", "never", "tidak boleh",
# "jangan"), or neither (0: a fact, a story). Two demands of opposite sign on the same
# words are the two sides of one point (_opposed); a fact with "not" is not a side
# ("tidak berdokumen" is "undocumented").
_MUST_NOT = re.compile(
    r"\b(?:should|must|shall|may|can|need|ought to|do|does|will)(?: not\b(?! only)|n['’]t\b)"
    r"|\b(?:never|cannot)\b"
    r"|\b(?:tidak|tak|gak|nggak|enggak|ga) (?:boleh|perlu|usah|harus|wajib|dapat|bisa)\b"
    r"|\b(?:jangan|dilarang)\b",
    re.IGNORECASE,
)
_MUST = re.compile(
    r"\b(?:should|must|shall|ought to|needs? to|has to|have to)\b"
    r"|\b(?:harus|perlu|wajib|mesti|sebaiknya|hendaknya|seharusnya|semestinya)\b",
    re.IGNORECASE,
)


# a "not" or a "but" besides the demand's own: "Employers, not workers, should pay" asks
# for the opposite of what its "should" alone would say, so its side is left unread
_CONTRAST = re.compile(
    r"\b(?:not|no|never|but|instead|rather|tidak|tak|gak|nggak|bukan|jangan|melainkan"
    r"|tetapi|tapi|namun)\b|n['’]t\b",
    re.IGNORECASE,
)


# words without which neither pattern can match: most statements are read no further
_DEMAND_WORDS = frozenset((
    "not", "t", "never", "cannot", "tidak", "tak", "gak", "nggak", "enggak", "ga", "jangan",
    "dilarang", "should", "must", "shall", "ought", "need", "needs", "has", "have", "harus",
    "perlu", "wajib", "mesti", "sebaiknya", "hendaknya", "seharusnya", "semestinya",
))  # fmt: skip


def _demand(sentence: str, tokens: Iterable[str]) -> int:
    """+1 for a plain "should", -1 for a plain "should not", 0 for anything else."""
    if _DEMAND_WORDS.isdisjoint(tokens):
        return 0
    negated = _MUST_NOT.search(sentence)
    if negated:
        rest = sentence[: negated.start()] + " " + sentence[negated.end() :]
        return 0 if _CONTRAST.search(rest) else -1
    return 1 if _MUST.search(sentence) and not _CONTRAST.search(sentence) else 0


OPPOSED_MIN_WORDS = 2  # features the shorter of two opposed statements has at least

_DISAGREE_CUES = ("setuju", "sependapat", "mendukung", "menolak", "keberatan", "agree",
                  "support", "oppose", "reject", "object", "against", "no to")  # fmt: skip


def _disagrees(sentence: str) -> bool:
    lowered = sentence.lower()
    return any(cue in lowered for cue in _DISAGREE_CUES) and bool(_DISAGREES.search(sentence))


def _input_labels(matrix, statements, params: Params, inputs) -> tuple[np.ndarray, np.ndarray]:
    """A key point for every statement: that of its input; and the statements that joined
    their key point with an objection to it (`join_opposing`).

    An input is placed in one key point, by what its statements say together (the sum
    of their rows): a long input's anecdote or closing line does not open a key point
    of its own, and a campaign letter's sentences stay one campaign in one place. An
    input that sum places nowhere joins the key point one of its sentences states
    (`attach_by_statement`), and an objection joins the point it objects to
    (`join_opposing`).
    """
    if not statements:
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=bool)
    owner = np.array([statement.input_index for statement in statements])
    unique, inverse = np.unique(owner, return_inverse=True)
    summed = group_centroids(matrix, inverse, len(unique))  # each input's statements, summed
    labels = cluster(
        summed, threshold=params.group_threshold, merge_threshold=params.merge_threshold
    )
    labels = attach_by_statement(matrix, inverse, summed, labels, STATEMENT_JOIN)
    disagreeing = np.bincount(inverse, weights=[s.disagrees for s in statements]) > 0
    against = disagreeing | np.array([inputs[index].stance == "oppose" for index in unique])
    labels, joined = join_opposing(summed, labels, against, params.group_threshold)
    return labels[inverse], joined[inverse]


# cosine of one statement of an input left alone to a key point's centroid for the input
# to join it (`attach_by_statement`). Measured on the corpora written by hand: at 0.35
# the 14 inputs that joined a key point all joined their own point; at 0.3, 5 of 33 went
# to a neighbouring one (a sponsor's advance payment under trafficking)
STATEMENT_JOIN = 0.35


DOMAIN_FULL = 0.25  # share of statements with two concepts at which concepts weigh fully
# half of that: the consultation is on the domain's ground (the corpora written for the
# seed's themes stand at 0.79 to 1 of DOMAIN_FULL in every issue, Polis's town and
# biodiversity conversations at 0.04 at most)
DOMAIN_GROUND = 0.5


def _domain_share(features: list[list[str]]) -> float:
    """How far the statements stand on the consultation's own ground: 1 where a quarter
    of them or more name two of its concepts, down to 0 on text outside it."""
    if not features:
        return 1.0
    domain = sum(len({f for f in feats if f[0] == "~"}) >= 2 for feats in features)
    return min(1.0, domain / len(features) / DOMAIN_FULL)


def _concept_weight(features: list[list[str]], params: Params) -> float:
    """The glossary helps and never drives: concepts weigh `params.concept_weight` on
    the consultation's own ground (`_domain_share`) and less, down to an ordinary word's
    weight, on text outside it, where a concept met once ("protection" of a town's fire
    service) is an accident of wording.
    """
    share = _domain_share(features)
    return round(1 + (params.concept_weight - 1) * share, 3)


def _nearest(rows, centroid, matrix, statements, language) -> tuple[int, bool]:
    """The statement that stands for the group: among those at least half as near its
    centroid as the nearest, one in the paper's language wherever the group has one,
    then one that reads on its own (`_leans_on_context`), is no personal story
    (`_personal`) and is in the written register (`_INFORMAL`), then the nearest; and
    whether none was in the paper's language."""
    sims = np.round(matrix[rows] @ centroid, 6)
    best = float(sims.max())
    near = [k for k in range(len(rows)) if sims[k] >= 0.5 * best]
    own = [k for k in near if statements[rows[k]].language == language]

    def rank(k):
        text = statements[rows[k]].text
        return (
            _leans_on_context(text),
            _personal(text),
            _informal(text),
            -sims[k],
            rows[k],
        )

    if own:
        return rows[min(own, key=rank)], False
    return rows[min(near, key=rank)], language in ("id", "en")


# A sentence that points back to what came before it in its input ("Ini harus ...",
# "... untuk itu", "Jadi ...", "This is why ...") does not read alone in a paper.
_CONTEXT_OPENINGS = frozenset((
    "ini", "itu", "hal", "jadi", "juga", "karena", "sehingga", "maka", "makanya", "namun",
    "tetapi", "tapi", "dan", "atau", "mereka", "dia", "ia", "selain", "soalnya", "nah",
    "this", "that", "these", "those", "it", "they", "so", "also", "but", "and", "or",
    "however", "therefore", "thus", "because", "which", "such", "hence",
))  # fmt: skip
_CONTEXT_WORDS = re.compile(
    r"\b(?:tersebut|untuk itu|karena itu|oleh karena itu|hal ini|hal itu|juga|also|as well"
    r"|for that|for this|mentioned above)\b",
    re.IGNORECASE,
)
# a pronoun that is the subject of the main clause after an opening clause ("Waktu
# dideportasi lewat Nunukan, mereka ..."; "In the camps, they ..."): who is meant is said
# in a sentence before
_CONTEXT_SUBJECT = re.compile(
    r"^[^,.;:]{1,80},\s*(?:mereka|dia|ia|they|it|these|those)\b", re.IGNORECASE
)
_PERSONAL = re.compile(r"\b(?:(?i:saya|aku|gue|gw|my|me)|I)\b")
# Spoken Indonesian ("penting banget", "gak sama", "udah bayar"): a paper quotes it where
# the group has nothing said in the written register
_INFORMAL = frozenset((
    "banget", "bgt", "gak", "nggak", "enggak", "ngga", "ga", "aja", "udah", "udh", "sih",
    "dong", "deh", "kok", "lho", "gitu", "gini", "kayak", "bikin", "dapet", "gimana",
    "pengen", "emang",
))  # fmt: skip


def _leans_on_context(sentence: str) -> bool:
    first = _TOKEN.search(sentence)
    return bool(
        (first and first.group().casefold() in _CONTEXT_OPENINGS)
        or _CONTEXT_WORDS.search(sentence)
        or _CONTEXT_SUBJECT.search(sentence)
    )


def _personal(sentence: str) -> bool:
    """A story in the first person singular ("Saya sendiri ngalamin ...")."""
    return bool(_PERSONAL.search(sentence))


def _informal(sentence: str) -> bool:
    return not _INFORMAL.isdisjoint(words(sentence.lower()))


def reads_alone(sentence: str) -> bool:
    """A sentence a paper can quote by itself: it leans on no sentence before it and
    tells no first-person story."""
    return not _leans_on_context(sentence) and not _personal(sentence)


def _against_rows(rows, statements, matrix) -> set[int]:
    """The statements of a key point that stand on the other side of it: those that say
    they disagree ("tidak setuju", "NO to ...") where most statements of the point do
    not (where most do, disagreeing is what the point itself says), and the smaller
    side of statements that say the opposite of each other (`_opposed`)."""
    marked = {r for r in rows if statements[r].disagrees}
    if 2 * len(marked) >= len(rows):
        marked = set()
    return marked | _opposed(rows, statements, matrix)


def _opposed(rows, statements, matrix) -> set[int]:
    """The smaller of two sides of statements that ask for opposite things on the same
    words: one asks that something not be, and its words (the negation aside) are all
    in one that asks that it be, or the other way round ("Marijuana should not be
    legalized" / "Recreational marijuana should be legal"; "Moratorium harus dicabut" /
    "Moratorium tidak boleh dicabut"), counted in inputs. Where the sides are equal
    neither is marked: the words alone do not say which side the point is on ("Fees
    must not be charged to workers" / "Fees should be borne partly by workers" is one
    against one). One sparse product of the group's two kinds of demands."""
    negated = [r for r in rows if statements[r].demand < 0]
    plain = [r for r in rows if statements[r].demand > 0]
    if not negated or not plain:
        return set()
    a = matrix[negated].astype(bool).astype(np.int32)
    b = matrix[plain].astype(bool).astype(np.int32)
    size_a = np.asarray(a.sum(axis=1)).ravel()
    size_b = np.asarray(b.sum(axis=1)).ravel()
    shared = sparse.coo_matrix(a @ b.T)
    smaller = np.minimum(size_a[shared.row], size_b[shared.col])
    pair = (shared.data == smaller) & (smaller >= OPPOSED_MIN_WORDS)
    if not pair.any():
        return set()
    negated_inputs = {statements[negated[i]].input_index for i in shared.row[pair]}
    plain_inputs = {statements[plain[j]].input_index for j in shared.col[pair]}
    if len(plain_inputs) == len(negated_inputs):
        return set()
    side = plain_inputs if len(plain_inputs) < len(negated_inputs) else negated_inputs
    return {r for r in rows if statements[r].input_index in side}


def _sides(against_rows, expanded, statements, inputs, members_of):
    """Organisations behind the point and those against it: an input with the stance
    "oppose", or one with a statement on the other side of the point (`_against_rows`)."""
    against = {inputs[i].organisation for i in expanded if inputs[i].stance == "oppose"}
    for r in against_rows:
        index = statements[r].input_index
        against |= {inputs[m].organisation for m in members_of.get(index, (index,))}
    records = [inputs[i] for i in expanded]
    behind = {r.organisation for r in records} - against
    supporting = {r.organisation for r in records if r.stance == "support"} - against
    return sorted(behind), sorted(supporting), sorted(against)


def _key_point(
    rows,
    centroid,
    expanded,
    statements,
    matrix,
    columns,
    inputs,
    kind_of,
    issue_kinds,
    names,
    language,
    analyzer,
    members_of,
) -> KeyPoint:
    against_rows = _against_rows(rows, statements, matrix)
    behind, supporting, opposing = _sides(against_rows, expanded, statements, inputs, members_of)
    if opposing and behind:
        label = "divergent"
    elif len(kind_counts(behind or opposing, kind_of)) >= 2:
        label = "consensus"
    else:
        label = "single-source"
    agree = Counter(kind_of[name] for name in behind)
    score = 1.0
    for kind, total in issue_kinds.items():
        score *= (agree.get(kind, 0) + 1) / (total + 2)
    # the point is stated by a statement of its own side: never by the words of an
    # organisation named against it
    side = set(behind or opposing)
    own_side = [
        r
        for r in rows
        if r not in against_rows
        and not statements[r].objecting
        and inputs[statements[r].input_index].organisation in side
    ] or list(rows)
    nearest, untranslated = _nearest(own_side, centroid, matrix, statements, language)
    return KeyPoint(
        name=_name(rows, centroid, columns, statements, names, language, analyzer),
        statement=statements[nearest].standing,
        statement_source=inputs[statements[nearest].input_index].id,
        sources=tuple(inputs[i].id for i in expanded),
        organisations=tuple(behind or opposing),
        kinds=kind_counts(behind or opposing, kind_of),
        label=label,
        opposing=tuple(opposing) if behind else (),
        consensus_score=round(score, 6),
        languages=tuple(sorted({statements[r].language for r in rows})),
        supporting=tuple(supporting),
        opposing_kinds=kind_counts(opposing, kind_of) if behind else {},
        needs_translation=untranslated,
    )


NAME_TERMS = 3
NAME_SCAN = 200  # statements read to find the words behind a stem


def _name(rows, centroid, columns, statements, names, language, analyzer) -> str:
    """The group's heaviest terms as whole words: a glossary concept in the paper's
    language, else the word of the group that the stem came from; terms of the paper's
    language first."""
    order = np.argsort(-centroid, kind="stable")
    own, other = [], []
    for c in order[: NAME_TERMS * 6]:
        if centroid[c] <= 0:
            break
        feature = columns[c]
        if feature[0] == "=":  # an everyday word says how, not what
            continue
        if feature in names or feature.startswith(language + ":"):
            own.append(feature)
        else:
            other.append(feature)
    chosen = (own + other)[: NAME_TERMS * 2]
    surface = _surface_words(rows, chosen, statements, analyzer)
    terms = []
    for feature in chosen:
        if feature not in own and len(terms) >= 2:
            break  # two words of the paper's language name it better than a third of another
        if feature in names:
            term = names[feature][language if language in ("id", "en") else "en"]
        else:
            term = surface.get(feature, feature.split(":", 1)[-1])
        if term not in terms and term.casefold() not in _NAME_SKIP:
            terms.append(term)
        if len(terms) == NAME_TERMS:
            break
    return ", ".join(terms)


# Words that say where a writer stands or how much it matters, not what the point is
# about: never a key point's name ("mendukung, sekali, berlaku").
_NAME_SKIP = frozenset((
    "mendukung", "dukung", "didukung", "dukungan", "setuju", "sepakat", "menolak", "tolak",
    "ditolak", "mengusulkan", "usul", "usulan", "diusulkan", "berharap", "harap", "meminta",
    "minta", "mohon", "mendesak", "sekali", "tetap", "tetep", "jadi", "lumayan", "punya",
    "bagus", "baik", "sangat", "penting", "support", "supports", "supported", "supporting",
    "agree", "agrees", "oppose", "opposes", "opposed", "propose", "proposed", "suggest",
    "suggests", "recommend", "recommends", "urge", "urges", "believe", "think", "welcome",
    "welcomes", "good", "great", "important", "very", "buat", "given", "jangan", "strongly",
    "mana", "tau", "tahu", "gimana", "cuma", "hanya", "sepenuhnya", "malah", "justru",
    "per", "many", "able", "big", "lot", "lots", "much", "issue", "issues", "thing", "things",
    "way", "get", "make", "need", "needs", "better", "more",
))  # fmt: skip


def _surface_words(rows, features, statements, analyzer) -> dict[str, str]:
    """For stem features ("id:majikan"), the word the group writes most often for it."""
    wanted = {f for f in features if ":" in f}
    seen: dict[str, Counter] = {f: Counter() for f in wanted}
    for r in rows[:NAME_SCAN]:
        statement = statements[r]
        for token in words(normalise(statement.text)):
            feature = f"{statement.language}:{analyzer.stem(token, statement.language)}"
            if feature in seen:
                seen[feature][token] += 1
    return {f: min(c.items(), key=lambda kv: (-kv[1], kv[0]))[0] for f, c in seen.items() if c}


SMALL_GROUP = 500  # recommendations of a key point compared pairwise up to this many
# cosine at which two organisations asked for the same thing in like words and share its
# credit: at the grouping's 0.25, "regional cooperation through the Bali Process" and
# "ASEAN cooperation with a human-rights approach" were one recommendation "proposed by 5
# organisations" in the words of one (on the hand-written corpora 21 recommendations
# credited to several organisations at 0.25, 12 at 0.4, each read as one request)
RECOMMENDATION_LIKE = 0.4


def _recommendations(rec_rows, statements, matrix, inputs, members_of, language, params):
    """The recommendation of one key point: the one most organisations made in like words
    (their statements at `RECOMMENDATION_LIKE` or nearer), quoted once and credited to those
    organisations alone, never to every organisation that recommended something on the
    point (the others' recommendations stay cited by the key point itself). Pairwise for
    a key point's usual handful; a key point of thousands groups them as key points are
    grouped."""
    if not rec_rows:
        return []
    rows = np.asarray(rec_rows)
    organisation = [inputs[statements[r].input_index].organisation for r in rows]
    if len(rows) > SMALL_GROUP:
        labels = cluster(
            matrix[rows], threshold=RECOMMENDATION_LIKE, merge_threshold=params.merge_threshold
        )
        groups = [np.flatnonzero(labels == label) for label in range(int(labels.max()) + 1)]
    else:
        block = matrix[rows]
        near = np.round((block @ block.T).toarray(), DECIMALS) >= RECOMMENDATION_LIKE
        groups = [np.flatnonzero(row) for row in near]
    best = max(range(len(groups)), key=lambda g: (len({organisation[k] for k in groups[g]}), -g))
    return [
        _recommendation(list(rows[groups[best]]), statements, matrix, inputs, members_of, language)
    ]


def _recommendation(rec_rows, statements, matrix, inputs, members_of, language):
    centroid = np.asarray(matrix[rec_rows].sum(axis=0)).ravel()
    nearest, untranslated = _nearest(np.asarray(rec_rows), centroid, matrix, statements, language)
    ids = sorted(
        {
            m
            for r in rec_rows
            for m in members_of.get(statements[r].input_index, (statements[r].input_index,))
        }
    )
    return Recommendation(
        text=statements[nearest].standing,
        sources=tuple(inputs[i].id for i in ids),
        organisations=len({inputs[i].organisation for i in ids}),
        needs_translation=untranslated,
    )
