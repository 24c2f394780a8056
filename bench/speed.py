"""Time aggregation runs at 1,000, 10,000 and 100,000 inputs; one JSON line per size.

    python bench/speed.py [--sizes 1000 10000 100000]

When DATABASE_URL names PostgreSQL the benchmark uses its own database, `gcm_bench`, on
the same server (created if missing, migrated, its bench consultations dropped before
each load); otherwise a throwaway SQLite file. Each size runs in two fresh processes:
one loads the corpus, the other times the run, so the peak memory (`ru_maxrss`) is the
run's own, Django included. The corpus is the generated one (bench/corpus.py) or, with
`--corpus written`, one built from the sentences of the corpora written by hand
(bench/written.py: longer inputs, lead-ins, typos, two points in one input).

With `--workers N` each run goes, as in production, through Redis to a Celery worker
started for it with N pool processes (`celery -A config worker --concurrency N`, the
command docker-compose.yml gives the worker service): the nine issues aggregate side by
side and the wall time runs from the click to the draft stored; the peak memory is then
the largest of the worker's processes. Without it Celery is eager and the whole run
takes one process, one issue after another.

With `--decisions N` the largest size is run once more after N decisions of staff on
its grouping (every kind, anchored on inputs drawn with a fixed seed), and a last line
compares the two runs.

The run is timed as staff see it: from `aggregation_run_start` (the click) to the draft
version stored. `read_ratio` is
the run's wall time over one plain read of every input text from the database, the
floor no aggregation can beat. The last line gives the scaling exponent from the
second largest to the largest size: log(t2/t1) / log(n2/n1).
"""

import argparse
import json
import math
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
BENCH_DB = "gcm_bench"


def database_url() -> str:
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        return "sqlite:////tmp/gcm-bench-speed.sqlite3"
    parts = urlparse(url)
    _create_database(parts)
    return urlunparse(parts._replace(path="/" + BENCH_DB))


def _create_database(parts) -> None:
    import psycopg2

    connection = psycopg2.connect(
        host=parts.hostname,
        port=parts.port or 5432,
        user=parts.username,
        password=parts.password,
        dbname="postgres",
    )
    connection.autocommit = True
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DB])
        if not cursor.fetchone():
            cursor.execute(f"CREATE DATABASE {BENCH_DB}")
    connection.close()


def _django():
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.local")
    os.environ.setdefault("CELERY_TASK_ALWAYS_EAGER", "true")
    os.environ.setdefault("LOG_LEVEL", "WARNING")
    import django

    django.setup()


def load(n_inputs: int, corpus_name: str = "generated") -> str:
    """Load a corpus of n inputs into a fresh consultation; return its slug."""
    _django()
    from django.contrib.auth import get_user_model
    from django.core.management import call_command

    from bench.corpus import corpus_make
    from bench.written import written_scaled
    from consult.models import Consultation, Input, Session, ThematicIssue
    from stakeholders.models import Organisation

    call_command("migrate", verbosity=0)
    slug = f"bench-{corpus_name}-{n_inputs}"
    for old in Consultation.objects.filter(slug__startswith="bench-"):
        _drop(old)
    if corpus_name == "written":
        corpus = written_scaled(n_inputs)
    else:
        corpus = corpus_make(n_inputs, n_issues=9, n_organisations=200)
    user, _created = get_user_model().objects.get_or_create(username="bench")
    convener, _created = Organisation.objects.get_or_create(
        name="Bench directorate", defaults={"kind": "ministry"}
    )
    names = {(r.organisation, r.organisation_kind) for r in corpus.inputs}
    Organisation.objects.bulk_create(
        [Organisation(name=name, kind=kind) for name, kind in sorted(names)],
        ignore_conflicts=True,
    )
    organisations = dict(Organisation.objects.values_list("name", "pk"))
    consultation = Consultation.objects.create(
        title=slug, slug=slug, convener=convener, created_by=user
    )
    issues = {
        issue.code: ThematicIssue.objects.create(
            consultation=consultation, code=issue.code, title=issue.title, position=issue.id
        ).pk
        for issue in corpus.issues
    }
    session = Session.objects.create(
        consultation=consultation, title="Bench", date="2017-11-14", status="open"
    )
    Input.objects.bulk_create(
        (
            Input(
                session=session,
                issue_id=issues[r.issue_code],
                organisation_id=organisations[r.organisation],
                author=user,
                kind=r.kind,
                stance=r.stance,
                text=r.text,
                language=r.language or "id",
                external_id=r.external_id,
                status=Input.Status.SUBMITTED,
            )
            for r in corpus.inputs
        ),
        batch_size=5000,
    )
    return slug


def _drop(consultation) -> None:
    from consult.models import Input, InputRevision
    from positions.models import ParagraphSource, PositionPaper

    ParagraphSource.objects.filter(input__session__consultation=consultation).delete()
    PositionPaper.objects.filter(consultation=consultation).delete()
    InputRevision.objects.filter(input__session__consultation=consultation).delete()
    Input.objects.filter(session__consultation=consultation).delete()
    consultation.delete()


def decisions_add(consultation, count: int, seed: int = 2017) -> int:
    """`count` decisions of every kind on the consultation's grouping, anchored on inputs
    drawn with a fixed seed, as staff would take them after reading a run."""
    import random

    from consult.models import Input
    from positions.models import KeyPointDecision

    KeyPointDecision.objects.filter(consultation=consultation).delete()
    rng = random.Random(seed)
    by_issue: dict[int, list[int]] = {}
    for pk, issue_id in Input.objects.filter(session__consultation=consultation).values_list(
        "pk", "issue_id"
    ):
        by_issue.setdefault(issue_id, []).append(pk)
    kinds = ["merge", "move", "split", "exclude", "rename", "relabel", "represent"]
    rows = []
    for n in range(count):
        issue_id = sorted(by_issue)[n % len(by_issue)]
        a, b, c = rng.sample(by_issue[issue_id], 3)
        kind = kinds[n % len(kinds)]
        rows.append(
            KeyPointDecision(
                consultation=consultation,
                issue_id=issue_id,
                kind=kind,
                anchors=[a, b] if kind in ("merge", "split") else [a],
                targets=[c] if kind == "move" else [],
                name_id="Nama" if kind == "rename" else "",
                label="divergent" if kind == "relabel" else "",
                created_by=consultation.created_by,
            )
        )
    KeyPointDecision.objects.bulk_create(rows)
    return count


def run(slug: str, decisions: int = 0, workers: int = 0) -> dict:
    """Time one run of the consultation, and one plain read of its texts."""
    _django()
    from django.db import connection

    from consult.models import Consultation, Input
    from positions import services

    consultation = Consultation.objects.get(slug=slug)
    decisions_add(consultation, decisions)
    paper = services.paper_get_or_create(consultation=consultation)
    started = time.perf_counter()
    run = services.aggregation_run_start(paper=paper, requested_by=consultation.created_by)
    if workers:
        run = _finished(run)
    seconds = time.perf_counter() - started
    run.refresh_from_db()
    began = time.perf_counter()
    texts = list(
        Input.objects.filter(session__consultation=consultation).values_list("text", flat=True)
    )
    read = time.perf_counter() - began
    return {
        "benchmark": "speed",
        "corpus": slug.split("-")[1],
        "database": connection.vendor,
        "inputs": len(texts),
        "status": run.status,
        "wall_seconds": round(seconds, 3),
        "inputs_per_second": round(len(texts) / seconds),
        "peak_memory_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "workers": workers,
        "read_seconds": round(read, 3),
        "read_ratio": round(seconds / read, 1),
        "paragraphs": run.paragraphs_written,
        "decisions": decisions,
    }


def _finished(run, timeout: float = 600):
    """Wait for the workers to finish `run`; return it as they left it."""
    from positions.models import AggregationRun

    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        run.refresh_from_db()
        if run.status not in (AggregationRun.Status.QUEUED, AggregationRun.Status.RUNNING):
            return run
        time.sleep(0.05)
    raise TimeoutError(f"run {run.pk} still {run.status} after {timeout} s")


def _child(*args: str, workers: int = 0) -> str:
    env = {**os.environ, "DATABASE_URL": database_url()}
    command = [sys.executable, __file__, *args]
    if not workers:
        return subprocess.run(command, env=env, check=True, capture_output=True, text=True).stdout
    env |= {"REDIS_URL": redis_url(), "CELERY_TASK_ALWAYS_EAGER": "false"}
    with _worker(env, workers) as worker:
        done = subprocess.run(
            [*command, "--workers", str(workers)], env=env, capture_output=True, text=True
        )
    if done.returncode:
        raise RuntimeError(done.stderr[-2000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    # the largest process of the worker: its pool processes, waited for when it stops
    result["peak_memory_mb"] = max(result["peak_memory_mb"], worker.peak_mb)
    return json.dumps(result)


def redis_url() -> str:
    """A Redis database of the benchmark's own on the machine's server (loopback only)."""
    url = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/6")
    host = urlparse(url).hostname
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise SystemExit("the benchmark's Redis must be on this machine (loopback)")
    return url


class _worker:
    """`celery -A config worker --concurrency N`, as docker-compose.yml starts it, on a
    queue emptied first; stopped (warm shutdown) when the run is stored."""

    def __init__(self, env: dict, concurrency: int):
        self.env, self.concurrency, self.peak_mb = env, concurrency, 0

    def __enter__(self):
        import redis

        redis.Redis.from_url(self.env["REDIS_URL"]).flushdb()
        self.log = tempfile.NamedTemporaryFile("w+", suffix=".log", delete=False)  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "config", "worker", "--loglevel=INFO",
             f"--concurrency={self.concurrency}", "--without-mingle", "--without-gossip"],
            cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT,
        )  # fmt: skip
        deadline = time.monotonic() + 60
        while "ready." not in Path(self.log.name).read_text():
            if self.process.poll() is not None or time.monotonic() > deadline:
                self.process.kill()
                self.process.wait()
                log = Path(self.log.name).read_text()
                self.log.close()
                os.unlink(self.log.name)
                raise RuntimeError(f"the worker did not start:\n{log[-2000:]}")
            time.sleep(0.1)
        return self

    def __exit__(self, *exc):
        import signal

        self.process.send_signal(signal.SIGTERM)
        _pid, _status, usage = os.wait4(self.process.pid, 0)
        self.process.returncode = 0
        self.peak_mb = round(usage.ru_maxrss / 1024)
        self.log.close()
        os.unlink(self.log.name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1_000, 10_000, 100_000])
    parser.add_argument(
        "--corpus",
        choices=["generated", "written"],
        default="generated",
        help="the generated corpus (bench/corpus.py) or one built from the sentences of "
        "the hand-written corpora (bench/written.py)",
    )
    parser.add_argument("--load", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--run", help=argparse.SUPPRESS)
    parser.add_argument(
        "--workers",
        type=int,
        default=0,
        help="run through Redis and a Celery worker with this many pool processes",
    )
    parser.add_argument(
        "--decisions",
        type=int,
        default=0,
        help="after the largest size, run it again with this many staff decisions",
    )
    args = parser.parse_args()
    if args.load:
        print(load(args.load, args.corpus))
        return
    if args.run:
        print(json.dumps(run(args.run, args.decisions, args.workers)))
        return
    results = []
    for size in args.sizes:
        slug = _child("--load", str(size), "--corpus", args.corpus).strip().splitlines()[-1]
        result = json.loads(_child("--run", slug, workers=args.workers).strip().splitlines()[-1])
        results.append(result)
        print(json.dumps(result), flush=True)
    if args.decisions:
        decided = json.loads(
            _child("--run", slug, "--decisions", str(args.decisions), workers=args.workers)
            .strip()
            .splitlines()[-1]
        )
        print(json.dumps(decided), flush=True)
        plain = results[-1]["wall_seconds"]
        print(
            json.dumps(
                {
                    "benchmark": "decisions",
                    "inputs": decided["inputs"],
                    "decisions": args.decisions,
                    "wall_seconds_without": plain,
                    "wall_seconds_with": decided["wall_seconds"],
                    "ratio": round(decided["wall_seconds"] / plain, 3),
                }
            ),
            flush=True,
        )
    if len(results) >= 2:
        small, large = results[-2], results[-1]
        exponent = math.log(large["wall_seconds"] / small["wall_seconds"]) / math.log(
            large["inputs"] / small["inputs"]
        )
        print(
            json.dumps(
                {
                    "benchmark": "scaling",
                    "from_inputs": small["inputs"],
                    "to_inputs": large["inputs"],
                    "exponent": round(exponent, 3),
                }
            )
        )


if __name__ == "__main__":
    main()
