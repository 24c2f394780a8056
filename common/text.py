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
        berpendapat pendapat menegaskan menurut organisasi saya tapi kalau
        gak nggak enggak ngga ga tdk krn karna yg dgn utk sy aja sih deh dong kok lho kan
        udah udh blm bgt banget jg sm trs terus emang gitu gini kayak kaya spt gimana
        biar bikin dapet semoga mohon tolong kasih terima hormat bapak ibu saudara
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
        want wants like would really think thinks please thank thanks kindly also
        """.split()
    ),
}

_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)


def normalise(text: str) -> str:
    """NFKC, lower case, one space between words; what every later step reads."""
    return " ".join(unicodedata.normalize("NFKC", text).lower().split())


def words(text: str) -> list[str]:
    return _WORD.findall(text)


# Frequent words of the languages a consultation's texts also arrive in (German,
# Dutch, French, Spanish, Portuguese, Italian, Tagalog): when they outvote Indonesian
# and English the text is neither. Words shared with those two are left out.
_OTHER_WORDS = (
    frozenset(
        """
        der die das und ist nicht auf mit für zu den von dem ein eine im sie es wir ich auch
        sind wird werden oder aber wie bei nach aus zum zur über unter noch nur schon sehr
        het een van en op voor niet zijn dat wij ook maar bij naar
        le la les des et est pas pour dans du une que qui sur avec au aux ce cette sont nous
        el los las y es por con una del que se lo su al como más pero muy
        o os em um uma não com por mais são
        il di che non per sono della nel
        ang ng mga sa ay hindi ako ikaw siya kami tayo sila ito iyan po
        """.split()
    )
    - STOP_WORDS["id"]
    - STOP_WORDS["en"]
)
# Short texts have few stop words; these words settle them (courtesies, greetings).
_MARKERS = {
    "id": frozenset("terima kasih salam mohon bapak ibu tolong saya kalian ya setuju".split()),
    "en": frozenset("thank thanks please dear regards hello agree".split()),
}
# Word endings and beginnings typical of each language, for texts with no stop word.
_ID_AFFIXES = re.compile(r"^(?:me[mnr]?|ber|di|ter|pe[mnr]?|ke)\w{3,}|\w{3,}(?:kan|nya|an)$")
_EN_AFFIXES = re.compile(r"\w{3,}(?:tion|sion|ing|ed|ly|ment|ness|ity)$")
LANGUAGES = ("id", "en", "other")


def _latin(tokens: Sequence[str]) -> bool:
    letters = "".join(tokens)
    if letters.isascii():  # nearly every text: no character to look up
        return bool(letters)
    latin = sum(c.isascii() or "LATIN" in unicodedata.name(c, "") for c in letters)
    return latin * 2 >= len(letters)


def language_detect(tokens: Sequence[str], declared: str = "") -> str:
    """`id`, `en` or `other`: the declared language if there is one, else the vote.

    The one detector of the workspace: forms, imports and the aggregation core all ask
    it. Stop words vote; words of other European languages and Tagalog can outvote both;
    short texts are settled by courtesies and then by word shapes; text in another
    script, emoji alone or one or two unknown words are `other`, which is never stemmed
    as Indonesian or English.
    """
    if declared in LANGUAGES:
        return declared
    if not tokens or not _latin(tokens):
        return "other"
    scores = {
        lang: sum(token in stops or token in _MARKERS[lang] for token in tokens)
        for lang, stops in STOP_WORDS.items()
    }
    other = sum(token in _OTHER_WORDS for token in tokens)
    if other > max(scores.values()):
        return "other"
    if scores["id"] == scores["en"] == 0:
        if len(tokens) <= 2:
            return "other"
        shapes_id = sum(bool(_ID_AFFIXES.match(token)) for token in tokens)
        shapes_en = sum(bool(_EN_AFFIXES.match(token)) for token in tokens)
        if shapes_id == shapes_en == 0:
            return "other"
        return "en" if shapes_en > shapes_id else "id"
    return "en" if scores["en"] > scores["id"] else "id"


def language_of(text: str) -> str:
    """The language of a raw text (see `language_detect`)."""
    return language_detect(words(normalise(text)))
