"""Text to features: normalise, detect the language, split statements, stem, map terms.

Indonesian words go through Snowball's Indonesian stemmer and English words through
Snowball's English one (PyStemmer: a C extension, BSD licence, the same algorithm as
PostgreSQL's `indonesian` text-search configuration). PySastrawi is not used: its
dictionary is licensed CC-BY-NC-SA and it stems at about a second a paragraph.
Snowball ships no stop words for Indonesian, so the lists below are the project's own.

Before stemming, the bilingual glossary (`glossary.py`) turns a domain term written in
either language into one concept token, so "perdagangan orang" and "trafficking in
persons" become the same feature and the same point made in both languages is grouped
as one key point.
"""

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache

import Stemmer

from common.text import STOP_WORDS

# Words that mark a recommendation in either language ("should", "perlu", "agar" ...).
RECOMMENDATION_CUES = frozenset(
    """
    should must recommend recommends recommended urge urges call calls need needs ensure
    perlu harus hendaknya sebaiknya agar mendorong merekomendasikan mengusulkan wajib
    mendesak meminta memastikan
    """.split()
)

# A sentence ends at . ! or ? before a space and a word that does not start in lower
# case; ";" and ":" join clauses of one sentence and never end it.
_SENTENCE_END = re.compile(r"(?<=[.!?])[\"'”’)]*\s+(?=[^\s\w]*[^\W\d_a-z])")
# Abbreviations a sentence does not end at, in the languages inputs arrive in.
_ABBREVIATIONS = frozenset(
    """
    e.g i.e etc vs cf no nos approx incl esp mr mrs ms dr prof st jr sr dept govt intl art
    para sec fig ref jan feb mar apr jun jul aug sep sept oct nov dec u.s u.k u.n
    dll dsb dst dkk yth bpk ibu sdr kab kec prov kel jl tsb a.n u.p hlm pt cv tbk
    z.b inkl bzw ca ggf usw vgl evtl sog d.h u.a z.t
    """.split()
)
# Lines that thank, greet or manage the meeting: part of an input, never a key point.
_COURTESY = re.compile(
    r"^\W*(?:"
    r"(?:terima ?kasih|makasih|thanks?(?: you)?|many thanks|we thank|kami berterima ?kasih)\b"
    r"|(?:salam|hormat kami|wassalam|assalamu|selamat (?:pagi|siang|sore|malam)|regards"
    r"|best regards|kind regards|sincerely|yours|dear|yth|kepada yth)\b"
    r"|(?:mohon (?:perhatian|maaf|izin)|mohon dukungan(?:nya)?|we appreciate|we are grateful"
    r"|apresiasi kami|kami mengapresiasi|kami menghargai"
    r"|(?:kami )?menyampaikan (?:terima ?kasih|apresiasi|penghargaan)"
    r"|good (?:morning|afternoon|evening)|god bless|tuhan memberkati|congratulations)\b"
    r")",
    re.IGNORECASE,
)
_WORDY = re.compile(r"[^\W\d_]+", re.UNICODE)
_INITIALS = re.compile(r"(?:[^\W\d_]\.)+", re.UNICODE)  # "j.", "u.n."
# Framing that introduces a view ("BNP2TKI submits that", "Kami ingin menegaskan:",
# "In our view,"): the statement quotes the view without it. Two forms: a verb of saying
# or thinking followed by "that", "bahwa", ":" or "," within the first LEAD_WORDS words;
# or one of the set phrases below at the start. A verb that asks ("we recommend that",
# "kami mengusulkan") is no framing: it is the recommendation ("... that data be
# disaggregated" says nothing without it).
_LEAD_VERBS = frozenset(
    """
    believe believes think thinks submit submits consider considers stress stresses
    emphasise emphasize emphasises emphasizes underline underlines note notes feel feels
    argue argues maintain maintains hold holds berpendapat menilai memandang menegaskan
    menyampaikan merasa melihat yakin percaya berpandangan mengingatkan menekankan mencatat
    menggarisbawahi
    """.split()
)
_LEAD_VERB_PHRASES = frozenset(
    [
        ("like", "to", "say"), ("like", "to", "stress"), ("like", "to", "note"),
        ("like", "to", "add"), ("to", "point", "out"), ("want", "to", "say"),
        ("want", "to", "stress"), ("want", "to", "underline"), ("of", "the", "view"),
        ("position", "is"), ("view", "is"), ("are", "convinced"), ("is", "convinced"),
    ]
)  # fmt: skip
_LEAD_PHRASE = re.compile(
    r"^(?:in (?:our|my) (?:view|opinion|experience)|from (?:our|my) (?:experience|side)"
    r"|speaking (?:for|on behalf of) [^,]{1,60}|on behalf of [^,]{1,60}"
    r"|menurut (?:kami|saya|pandangan kami|hemat kami)|dari pengalaman (?:kami|saya)[^,]{0,40}"
    r"|bagi kami|hemat kami|pada prinsipnya|intinya|singkatnya|in short|in sum"
    r")\s*[,:]\s+"
    # Indonesian writes "Menurut kami regulasi perlu ..." as often as with the comma
    r"|^menurut (?:kami|saya|hemat kami)\s+(?!,)",
    re.IGNORECASE,
)
# verbs of holding a view that take their clause with or without "bahwa": "Kemnaker
# berpendapat moratorium ... harus tetap dipertahankan"
_LEAD_VERBS_BARE = frozenset(("berpendapat", "berpandangan"))
# the last words of _LEAD_VERB_PHRASES: "BNP2TKI is of the view that ..." names no
# verb of _LEAD_VERBS
_LEAD_PHRASE_LAST = frozenset(phrase[-1] for phrase in _LEAD_VERB_PHRASES)
LEAD_WORDS = 16
BARE_SUBJECT = 5  # words before a verb of _LEAD_VERBS_BARE: "Dinas Tenaga Kerja Kabupaten Malang"
_LEAD_ENDS = ("that", "bahwa")
_QUOTES = "\"'“”‘’()"
_TOKEN_SPAN = re.compile(r"\S+")
_COURTESY_FIRST = frozenset(
    """
    terima terimakasih makasih thanks thank many we kami salam hormat wassalam
    assalamualaikum assalamu'alaikum selamat regards best kind sincerely yours dear yth
    kepada mohon apresiasi menyampaikan good god tuhan congratulations
    """.split()
)
SHORT = 4  # a sentence of this many words or fewer joins its neighbour
# Words that name the consultation itself, not a point made in it: in every input of
# every issue, they would pull unrelated points together.
FRAME_WORDS = frozenset(
    ["gcm", "compact", "konsultasi", "consultation", "posisi", "position", "masukan", "input"]
)


# Words of the meeting's own logistics: its rooms and building, food, connection, time
# table, slides and speakers, its organisers and participants. A statement with one of
# them and none of the domain's terms speaks of the meeting, not of the issue
# (`about_the_meeting`).
MEETING_WORDS = frozenset(
    """
    parkir parkiran basement toilet musala mushola ruangan snack kudapan prasmanan katering
    wifi wi-fi password proyektor mikrofon mic slide paparan narasumber moderator panitia
    peserta undangan absensi jadwal
    parking lunch snack snacks catering buffet wifi wi-fi password projector microphone
    slides organisers organizers participants attendance schedule venue badges
    air-conditioning conditioning
    """.split()
)


def about_the_meeting(tokens) -> bool:
    """Whether a statement's words name the meeting's logistics ("Parkir penuh", "The
    Wi-Fi kept disconnecting", "Kapan jadwal rapat berikutnya?"); the caller checks that
    it names none of the domain's terms."""
    return any(
        token in MEETING_WORDS or token.split("-", 1)[0] in MEETING_WORDS for token in tokens
    )


def _sentences(text: str) -> list[str]:
    pieces = _SENTENCE_END.split(" ".join(text.split()))
    sentences: list[str] = []
    for piece in pieces:
        before = sentences[-1].rsplit(" ", 1)[-1].lower() if sentences else ""
        if before.endswith(".") and (
            before[:-1] in _ABBREVIATIONS or _INITIALS.fullmatch(before)
        ):  # "dll." or an initial ("J.", "U.N.")
            sentences[-1] += " " + piece
        else:
            sentences.append(piece)
    return [s.strip() for s in sentences if s.strip()]


def thanks_or_greets(sentence: str) -> bool:
    """A sentence that opens by thanking or greeting ("Thank you for organising ...",
    "Kami menyampaikan apresiasi ...", "Good morning everyone, ..."), however long."""
    first = _WORDY.search(sentence)
    if not first or first.group().lower() not in _COURTESY_FIRST:
        return False
    return bool(_COURTESY.match(sentence))


def courtesy(sentence: str) -> bool:
    """A line that thanks, greets or asks for attention and says nothing else of weight."""
    return thanks_or_greets(sentence) and len(_WORDY.findall(sentence)) <= 12


def _lead_in_end(sentence: str) -> int:
    """Where the framing that introduces the view ends (0: no framing)."""
    match = _LEAD_PHRASE.match(sentence)
    if match:
        return match.end()
    opening = _WORDY.findall(sentence[:120].lower())
    if _LEAD_VERBS.isdisjoint(opening) and _LEAD_PHRASE_LAST.isdisjoint(opening):
        return 0  # no verb of saying or thinking: most sentences stop here
    head = sentence.split(None, LEAD_WORDS)[:LEAD_WORDS]
    if not any(raw[-1:] in ":," or raw.lower().strip(_QUOTES) in _LEAD_ENDS for raw in head):
        # nor "that", "bahwa", ":" or "," to end a framing; but "X berpendapat" takes its
        # clause bare, after a short subject
        for n, raw in enumerate(head[: BARE_SUBJECT + 1]):
            if raw.lower() == "yang":
                return 0  # "Warga yang berpendapat ...": a subject, not a framing
            if n and raw.lower() in _LEAD_VERBS_BARE:
                return sentence.index(raw) + len(raw)
        return 0
    words: list[str] = []
    for n, token in enumerate(_TOKEN_SPAN.finditer(sentence)):
        if n >= LEAD_WORDS:
            break
        raw = token.group()
        word = raw.lower().strip(_QUOTES)
        if (
            word in _LEAD_ENDS
            and words
            and (
                words[-1] in _LEAD_VERBS
                or tuple(words[-3:]) in _LEAD_VERB_PHRASES
                or tuple(words[-2:]) in _LEAD_VERB_PHRASES
            )
        ):
            return token.end()
        if raw[-1:] in ":,":
            bare = word.rstrip(":,")
            if bare in _LEAD_VERBS or (*words[-2:], bare) in _LEAD_VERB_PHRASES:
                return token.end()
        if raw[-1:] in ".;!?:":
            break  # the framing ends within its first clause
        words.append(word)
    return 0


def lead_in_strip(sentence: str) -> str:
    """The view without the framing that introduces it, verbatim but for its first letter."""
    rest = sentence
    for _ in range(2):  # "Speaking for SBMI, we believe that ..."
        end = _lead_in_end(rest)
        if not end or len(_WORDY.findall(rest[end:])) <= SHORT:
            break
        rest = rest[end:].lstrip()
    if rest is sentence:
        return sentence
    return rest[:1].upper() + rest[1:]


def statements_split(text: str) -> list[str]:
    """The statements of a text, the units key points are made of.

    Sentences of the original text (not lower-cased), split where a sentence ends and
    never at an abbreviation ("e.g.", "dll.", "z.B."), a ";" or a ":"; a sentence of
    four words or fewer joins the one before it (or after it, when it comes first), so
    "Need to ease off." never stands alone; courtesy lines ("Terima kasih.", "Salam
    solidaritas!") are left out; framing lead-ins ("BNP2TKI submits that", "In our
    view,") are cut off. What remains is a verbatim span of the text.
    """
    sentences = [s for s in _sentences(text) if not courtesy(s)]
    joined: list[str] = []
    lengths: list[int] = []  # words of each joined statement
    for sentence in sentences:
        length = len(_WORDY.findall(sentence))
        if joined and min(length, lengths[-1]) <= SHORT:
            joined[-1] += " " + sentence
            lengths[-1] += length
        else:
            joined.append(sentence)
            lengths.append(length)
    return [lead_in_strip(s) for s in joined]


@lru_cache(maxsize=4)
def _stemmer(language: str) -> Stemmer.Stemmer:
    return Stemmer.Stemmer("indonesian" if language == "id" else "english")


class Analyzer:
    """Turns tokens into features: glossary concepts first, then stemmed content words.

    Tokens are stemmed first and the glossary's (stemmed) phrases matched on the stems,
    so "migrant workers" and "pekerja-pekerja migran" find their entry too. Stems are
    cached per word: a large consultation stems each distinct word once.
    """

    def __init__(self, entries: Iterable[tuple[str, tuple[str, ...], str]]):
        self._by_first: dict[tuple[str, str], list[tuple[tuple[str, ...], str]]] = {}
        for language, phrase, concept in sorted(entries, key=lambda e: (-len(e[1]), e)):
            self._by_first.setdefault((language, phrase[0]), []).append((phrase, concept))
        self._stems: dict[str, dict[str, str]] = {"id": {}, "en": {}}

    def features(self, tokens: Sequence[str], language: str) -> list[str]:
        stems = self._stem_all(tokens, language)
        stops = STOP_WORDS.get(language, frozenset())
        out: list[str] = []
        i, n = 0, len(tokens)
        while i < n:
            match = None
            for phrase, concept in self._by_first.get((language, stems[i]), ()):
                if tuple(stems[i : i + len(phrase)]) == phrase:
                    match = (len(phrase), concept)
                    break
            if match:
                out.append(match[1])
                i += match[0]
                continue
            token = tokens[i]
            if token not in stops and len(token) > 2 and token not in FRAME_WORDS:
                out.append(f"{language}:{stems[i]}")

            i += 1
        return out

    def stem(self, token: str, language: str) -> str:
        return self._stem_all((token,), language)[0]

    def _stem_all(self, tokens: Sequence[str], language: str) -> list[str]:
        if language not in self._stems:
            return list(tokens)  # neither Indonesian nor English: words as written
        cache = self._stems[language]
        missing = [token for token in set(tokens) if token not in cache]
        if missing:
            cache.update(zip(missing, _stemmer(language).stemWords(missing), strict=True))
        return [cache[token] for token in tokens]
