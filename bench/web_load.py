"""Load 10,000 inputs for `bench/web.py` and print what the client needs, as JSON.

Runs with the web server's own environment (same SECRET_KEY), so the session it makes
for the staff user is one the server accepts.

The texts are drawn so that a search term is about as selective as in a real
consultation. Words follow a Zipf–Mandelbrot law over a vocabulary per language: the
words of the quality corpus's key points (bench/corpus.py, the seed consultation's
sentences in Indonesian and English, ranked by how often they occur there, so stop
words and *migran* come first) followed by a long tail of 4,000 made-up words, as a
real consultation's vocabulary runs to thousands of rare terms (names, places,
programmes). An input is 30–120 words in one language. Then a topical word is in
roughly 2–20 % of the inputs rather than, as with the 40-word vocabulary of
`bench/aggregate.py`, in most of them; `search_selectivity` in the output gives the
share each benchmark query matches, and `bench/web.py` prints it.
"""

import json
import os
import random
import re
import sys
from datetime import timedelta
from itertools import accumulate
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.auth import (  # noqa: E402
    BACKEND_SESSION_KEY,
    HASH_SESSION_KEY,
    SESSION_KEY,
    get_user_model,  # noqa: E402
)
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from django.db import connection  # noqa: E402
from django.utils import timezone  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from bench.corpus import KEY_POINTS  # noqa: E402
from consult.models import Consultation, Input, Session, ThematicIssue  # noqa: E402
from consult.search import input_search  # noqa: E402
from stakeholders.models import Membership, Organisation  # noqa: E402

# What the staff search endpoint of bench/web.py asks, in turn (one per request).
SEARCH_QUERIES = ("remitansi", "trafficking victims", "pelatihan", "consular", "perlindungan")
TAIL_WORDS = 4000


def _vocabulary(language: str, rng: random.Random) -> tuple[list[str], list[float]]:
    """Words of one language and their cumulative Zipf–Mandelbrot weights."""
    counts: dict[str, int] = {}
    for issue in KEY_POINTS:
        for point in issue:
            texts = point[:2] if language == "en" else point[2:]
            for text in texts:
                expanded = re.sub(r"\{([^}]*)\}", lambda m: " ".join(m.group(1).split("|")), text)
                for word in re.findall(r"[a-z]+", expanded.lower()):
                    counts[word] = counts.get(word, 0) + 1
    words = sorted(counts, key=lambda w: (-counts[w], w))
    syllables = ["ka", "ri", "mu", "ta", "no", "se", "lu", "pa", "di", "go", "ven", "tor"]
    while len(words) < len(counts) + TAIL_WORDS:
        words.append("".join(rng.choices(syllables, k=rng.randint(3, 5))))
    weights = [1 / (rank + 2.7) for rank in range(len(words))]
    return words, list(accumulate(weights))


def _text(rng: random.Random, vocabulary: tuple[list[str], list[float]]) -> str:
    words, cumulative = vocabulary
    sentence = rng.choices(words, cum_weights=cumulative, k=rng.randint(30, 120))
    return " ".join(sentence).capitalize() + "."


def _load(n_inputs: int, n_issues: int, n_organisations: int) -> Consultation:
    rng = random.Random(2017)
    user, _ = get_user_model().objects.get_or_create(username="bench")
    kinds = [choice for choice, _label in Organisation.Kind.choices]
    convener, _ = Organisation.objects.get_or_create(name="Bench directorate", kind="ministry")
    organisations = [
        Organisation.objects.get_or_create(name=f"Bench org {i}", defaults={"kind": kinds[i % 6]})[
            0
        ]
        for i in range(n_organisations)
    ]
    consultation = Consultation.objects.create(
        title="Bench web", slug="bench-web", convener=convener, created_by=user
    )
    issues = [
        ThematicIssue.objects.create(consultation=consultation, code=str(i + 1), title=f"Issue {i}")
        for i in range(n_issues)
    ]
    session = Session.objects.create(
        consultation=consultation, title="Bench", date="2017-11-14", status="open"
    )
    vocabularies = {language: _vocabulary(language, rng) for language in ("id", "en")}
    input_kinds = [choice for choice, _label in Input.Kind.choices]
    stances = [choice for choice, _label in Input.Stance.choices]
    start = timezone.now() - timedelta(weeks=8)
    languages = [rng.choice(["id", "id", "en"]) for _ in range(n_inputs)]
    Input.objects.bulk_create(
        (
            Input(
                session=session,
                issue=rng.choice(issues),
                organisation=rng.choice(organisations),
                author=user,
                kind=rng.choice(input_kinds),
                stance=rng.choice(stances),
                text=_text(rng, vocabularies[language]),
                language=language,
                status=Input.Status.SUBMITTED,
                submitted_at=start + timedelta(minutes=rng.randint(0, 8 * 7 * 24 * 60)),
                reference_year=2017,
            )
            for language in languages
        ),
        batch_size=2000,
    )
    return consultation


def main() -> None:
    sys.argv = [sys.argv[0]]
    n_inputs = int(os.environ.get("BENCH_INPUTS", "10000"))
    consultation = _load(n_inputs, 9, 200)
    staff = consultation.created_by
    Membership.objects.get_or_create(
        user=staff, organisation=consultation.convener, defaults={"role": "staff"}
    )
    session = consultation.sessions.get()
    speaker = Organisation.objects.get(name="Bench org 0")
    session.invited_organisations.add(speaker)
    participant, _ = type(staff).objects.get_or_create(username="bench-participant")
    Membership.objects.get_or_create(
        user=participant, organisation=speaker, defaults={"role": "participant"}
    )
    store = SessionStore()
    store[SESSION_KEY] = str(staff.pk)
    store[BACKEND_SESSION_KEY] = "django.contrib.auth.backends.ModelBackend"
    store[HASH_SESSION_KEY] = staff.get_session_auth_hash()
    store.create()
    with connection.cursor() as cursor:  # as autovacuum would soon after an import
        cursor.execute("ANALYZE")
    inputs = Input.objects.filter(session__consultation=consultation)
    print(
        json.dumps(
            {
                "slug": consultation.slug,
                "session": session.pk,
                "issue": consultation.issues.first().pk,
                "staff_session": store.session_key,
                "staff_token": Token.objects.get_or_create(user=staff)[0].key,
                "participant_token": Token.objects.get_or_create(user=participant)[0].key,
                "search_queries": SEARCH_QUERIES,
                "search_selectivity": {
                    query: round(input_search(inputs, query).count() / n_inputs, 3)
                    for query in SEARCH_QUERIES
                },
            }
        )
    )


if __name__ == "__main__":
    main()
