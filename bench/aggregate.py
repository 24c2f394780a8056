"""Time one aggregation run end to end: read the inputs, group them, store the draft.

    python bench/aggregate.py [--inputs N] [--issues K] [--organisations M]

Runs against DATABASE_URL (PostgreSQL in `make bench` when set) or a throwaway SQLite
file, in a fresh consultation each time; prints the run's timings per stage.
"""

import argparse
import os
import random
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/gcm-bench.sqlite3")
os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
os.environ.setdefault("LOG_LEVEL", "WARNING")

import django  # noqa: E402

django.setup()

from django.contrib.auth import get_user_model  # noqa: E402
from django.core.management import call_command  # noqa: E402
from django.db import connection  # noqa: E402

from consult.models import Consultation, Input, Session, ThematicIssue  # noqa: E402
from positions import selectors, services  # noqa: E402
from stakeholders.models import Organisation  # noqa: E402

VOCABULARY = (
    "perlindungan pekerja migran jalur aman teratur perdagangan orang penyelundupan "
    "akses layanan kesehatan perbankan konsuler hukum integrasi negara penerima "
    "protection migrant workers safe regular pathways trafficking smuggling access "
    "health banking consular legal integration receiving countries"
)
WORDS = VOCABULARY.split()


def _load(n_inputs: int, n_issues: int, n_organisations: int) -> Consultation:
    rng = random.Random(2017)
    user, _ = get_user_model().objects.get_or_create(username="bench")
    stamp = time.strftime("%Y%m%d%H%M%S")
    kinds = [choice for choice, _label in Organisation.Kind.choices]
    convener, _ = Organisation.objects.get_or_create(name="Bench directorate", kind="ministry")
    organisations = [
        Organisation.objects.get_or_create(name=f"Bench org {i}", defaults={"kind": kinds[i % 6]})[
            0
        ]
        for i in range(n_organisations)
    ]
    consultation = Consultation.objects.create(
        title=f"Bench {stamp}", slug=f"bench-{stamp}", convener=convener, created_by=user
    )
    issues = [
        ThematicIssue.objects.create(consultation=consultation, code=str(i + 1), title=f"Issue {i}")
        for i in range(n_issues)
    ]
    session = Session.objects.create(
        consultation=consultation, title="Bench", date="2017-11-14", status="open"
    )
    input_kinds = [choice for choice, _label in Input.Kind.choices]
    Input.objects.bulk_create(
        (
            Input(
                session=session,
                issue=rng.choice(issues),
                organisation=rng.choice(organisations),
                author=user,
                kind=rng.choice(input_kinds),
                text=" ".join(rng.choices(WORDS, k=rng.randint(15, 60))) + ".",
                language=rng.choice(["id", "en"]),
                status=Input.Status.SUBMITTED,
            )
            for _ in range(n_inputs)
        ),
        batch_size=2000,
    )
    return consultation


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--inputs", type=int, default=10_000)
    parser.add_argument("--issues", type=int, default=9)
    parser.add_argument("--organisations", type=int, default=200)
    args = parser.parse_args()

    call_command("migrate", verbosity=0)
    started = time.perf_counter()
    consultation = _load(args.inputs, args.issues, args.organisations)
    loaded = time.perf_counter()
    paper = services.paper_get_or_create(consultation=consultation)
    user = consultation.created_by
    run = services.aggregation_run_start(paper=paper, requested_by=user)
    run.refresh_from_db()
    done = time.perf_counter()
    records = selectors.aggregation_inputs(consultation=consultation)
    read = time.perf_counter() - done

    version = run.draft_version.number if run.draft_version else "-"
    rate = args.inputs / (done - loaded)
    print(f"database           {connection.vendor}")
    print(f"inputs             {args.inputs} on {args.issues} issues")
    print(f"organisations      {args.organisations}")
    print(f"load (bulk insert) {loaded - started:8.2f} s")
    print(f"run status         {run.status} -> version {version}")
    print(f"aggregation run    {done - loaded:8.2f} s  ({rate:,.0f} inputs/s)")
    print(f"  of which reading {read:8.2f} s  ({len(records)} records)")
    print(f"paragraphs written {run.paragraphs_written}")


if __name__ == "__main__":
    main()
