"""Whether a paragraph quotes an input: runs of words the two texts share verbatim.

The engine's key points and recommendations are sentences of one input, copied as they
were written; a paragraph staff wrote in their own words shares no long run of words
with any input. So a shared run of `QUOTE_WORDS` words (after folding case, width and
punctuation) is taken as a quotation, whatever the paragraph's history.
"""

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

# Six words: long enough that ordinary phrasing ("the protection of migrant workers")
# does not count as a quote, short enough to catch a clause lifted from an input.
QUOTE_WORDS = 6
_WORD = re.compile(r"\w+")


@lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    return tuple(_WORD.findall(unicodedata.normalize("NFKC", text).casefold()))


def _runs(words: tuple[str, ...], n: int) -> set[tuple[str, ...]]:
    return {words[i : i + n] for i in range(len(words) - n + 1)}


def quotes_privately(text: str, source: str, public_texts: Iterable[str] = ()) -> bool:
    """Whether `text` repeats a run of words of `source` that no public text also has.

    An input shorter than `QUOTE_WORDS` words counts as quoted when all of it is
    repeated. Words a public input says too are no secret, so they are not counted: a
    paragraph citing a public and a private input that say the same thing may be read.
    """
    source_words = _words(source)
    n = min(QUOTE_WORDS, len(source_words))
    if n == 0:
        return False
    shared = _runs(_words(text), n) & _runs(source_words, n)
    for public in public_texts:
        if not shared:
            break
        shared -= _runs(_words(public), n)
    return bool(shared)
