"""Which of the workspace's two languages a text is in, decided offline."""

from langdetect import DetectorFactory, LangDetectException, detect_langs

# langdetect samples at random; a fixed seed makes the same text get the same answer.
DetectorFactory.seed = 0

SUPPORTED = ("id", "en")


def language_detect(text: str, *, default: str = "id") -> str:
    """`id` or `en`, whichever is likelier; Malay counts as Indonesian. `default` if unsure."""
    try:
        candidates = detect_langs(text)
    except LangDetectException:
        return default
    for candidate in candidates:
        code = "id" if candidate.lang == "ms" else candidate.lang
        if code in SUPPORTED:
            return code
    return default
