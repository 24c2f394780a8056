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

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)")


def statements_split(text: str) -> list[str]:
    """Sentences of the original text (not lower-cased): the units key points are made of."""
    parts = (part.strip() for part in _SENTENCE_END.split(" ".join(text.split())))
    return [part for part in parts if part]


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
            if token not in stops and len(token) > 2:
                out.append(f"{language}:{stems[i]}")
            i += 1
        return out

    def _stem_all(self, tokens: Sequence[str], language: str) -> list[str]:
        if language not in self._stems:
            return list(tokens)  # neither Indonesian nor English: words as written
        cache = self._stems[language]
        missing = [token for token in set(tokens) if token not in cache]
        if missing:
            cache.update(zip(missing, _stemmer(language).stemWords(missing), strict=True))
        return [cache[token] for token in tokens]
