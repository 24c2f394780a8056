"""Text tools every app may use: normalisation, words and the language of a text.

Pure Python with no Django, so the aggregation core, the import, the input forms and the
services all read a text the same way.
"""

import re
import unicodedata
from collections.abc import Sequence

STOP_WORDS = {
    "id": frozenset(
        """
        ada adalah agar akan aku antara apa apabila atas atau bagaimana bagi bahwa baik
        banyak beberapa belum berbagai bersama beserta bisa dalam dan dapat dari daripada
        demi dengan di dia dilakukan diri hal harus hanya hingga ia ini itu jika juga kami
        kamu karena kata ke kepada ketika kita lagi lain lebih maka masih melalui memang
        mereka meski misalnya mungkin namun oleh pada para pula saat saja sama sangat
        sebagai sebelum secara sedang sehingga sejak semua seperti serta sesuai setelah
        setiap sudah supaya tanpa telah tentang terhadap termasuk tersebut tetapi tidak
        untuk yaitu yakni yang pun per sebuah suatu nya lah kah begitu bukan kembali
        menjadi merupakan memiliki mempunyai terutama khususnya contohnya misal
        berpendapat pendapat menegaskan menurut organisasi
        """.split()
    ),
    "en": frozenset(
        """
        a about above after again all also am an and any are as at be because been before
        being between both but by can could did do does doing during each either for from
        further had has have having he her here hers him his how i if in into is it its
        itself just may me might more most much must my no nor not of off on once only or
        other our ours out over own same shall she should so some such than that the their
        them then there these they this those through to too under until up upon very was
        we were what when where which while who whom why will with within would you your
        e.g example instance particular especially notably including
        believe view stress stresses organisation organization
        """.split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def normalise(text: str) -> str:
    """NFKC, lower case, one space between words; what every later step reads."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def language_detect(tokens: Sequence[str], declared: str = "") -> str:
    """The declared language if there is one, else the language whose stop words win."""
    if declared in STOP_WORDS:
        return declared
    scores = {lang: sum(token in stops for token in tokens) for lang, stops in STOP_WORDS.items()}
    return "en" if scores["en"] > scores["id"] else "id"
