"""A real Celery worker killed mid-run, against PostgreSQL and Redis.

The worker runs with the prefork pool, as in docker-compose.yml. Its pool process is
killed with SIGKILL while it aggregates an issue: `acks_late` with
`task_reject_on_worker_lost` puts the message back, a new pool process takes it, the
idempotent services go on from the issues already stored, and the run succeeds; the
draft written before stays as it was. (A broker down when staff start a run is
tested in test_runs.py; a whole worker dying, with no one to take its message back, is
what the stale-run rule in `services.aggregation_runs_expire` covers, tested there too.)

Everything runs in processes of its own, on a database of its own and Redis db 4 —
loopback only, every wait bounded.
"""

import os
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest

from tests import services as service_checks

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
REDIS_DB = 4
INPUTS = 20_000
WAIT_SECONDS = 120


def _services_or_skip() -> None:
    missing = [item for item in service_checks.missing_services() if "Chromium" not in item]
    if missing:
        message = "PostgreSQL and Redis are needed: " + "; ".join(missing)
        if os.environ.get("REQUIRE_SERVICES") == "1":
            pytest.fail(message)
        pytest.skip(message)


def _with_db(url: str, name: str, scheme: str | None = None) -> str:
    parts = urlsplit(url)
    return urlunsplit((scheme or parts.scheme, parts.netloc, "/" + name, "", ""))


@pytest.fixture(scope="module")
def environment():
    _services_or_skip()
    import psycopg2
    import redis

    admin_url = _with_db(service_checks.postgres_url(), "postgres", scheme="postgresql")
    name = f"gcm_faults_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(admin_url)
    admin.autocommit = True
    admin.cursor().execute(f"CREATE DATABASE {name}")
    redis_url = _with_db(service_checks.redis_url(), str(REDIS_DB))
    broker = redis.Redis.from_url(redis_url)
    broker.flushdb()
    env = {
        **{k: v for k, v in os.environ.items() if k in ("HOME", "LANG", "PATH", "TMPDIR")},
        "DJANGO_SETTINGS_MODULE": "config.settings.local",
        "DATABASE_URL": _with_db(service_checks.postgres_url(), name),
        "REDIS_URL": redis_url,
        "CELERY_TASK_ALWAYS_EAGER": "false",
        "LOG_LEVEL": "WARNING",
    }
    try:
        _django(
            env,
            "from django.core.management import call_command; call_command('migrate', verbosity=0)",
        )
        yield env
    finally:
        broker.flushdb()
        admin.cursor().execute(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")
        admin.close()


def _django(env: dict, code: str, timeout: int = 120) -> str:
    script = "import django; django.setup()\n" + code
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout.strip()


LOAD = f"""
import sys; sys.path.insert(0, '.')
from bench.speed import load
from django.core.management import call_command
slug = load({INPUTS})
call_command('aggregate', consultation=slug)
print(slug)
"""

STATE = """
from positions.models import AggregationRun, DraftVersion, Paragraph
run = AggregationRun.objects.order_by('-pk').first()
v1 = DraftVersion.objects.get(number=1)
print(run.pk, run.status, run.issues_done, run.issues_total,
      Paragraph.objects.filter(section__version=v1).count(),
      DraftVersion.objects.count(), repr(run.error))
"""


def _state(env):
    pk, status, done, total, v1_paragraphs, versions, error = _django(env, STATE).split(" ", 6)
    return {
        "pk": int(pk),
        "status": status,
        "done": int(done),
        "total": int(total),
        "v1_paragraphs": int(v1_paragraphs),
        "versions": int(versions),
        "error": error,
    }


def _children(pid: int) -> list[int]:
    out = subprocess.run(["pgrep", "-P", str(pid)], capture_output=True, text=True, check=False)
    return [int(line) for line in out.stdout.split()]


def test_a_pool_process_killed_mid_run_is_retried_and_the_previous_draft_stays(environment):
    slug = _django(environment, LOAD, timeout=300).splitlines()[-1]
    before = _state(environment)
    assert before["status"] == "succeeded"
    worker = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "celery",
            "-A",
            "config",
            "worker",
            "--pool",
            "prefork",
            "--concurrency",
            "1",
            "--loglevel",
            "WARNING",
            "--without-heartbeat",
            "--without-gossip",
            "--without-mingle",
        ],
        cwd=ROOT,
        env=environment,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        start_new_session=True,
    )
    try:
        _django(
            environment,
            f"""
from consult.models import Consultation
from positions import services
c = Consultation.objects.get(slug={slug!r})
services.aggregation_run_start(paper=c.paper, requested_by=c.created_by)
""",
        )
        deadline = time.monotonic() + WAIT_SECONDS
        killed = None
        while time.monotonic() < deadline and killed is None:
            state = _state(environment)
            if state["status"] == "running" and state["pk"] != before["pk"]:
                children = _children(worker.pid)
                if children:
                    killed = children[0]
                    os.kill(killed, signal.SIGKILL)
            time.sleep(0.2)
        assert killed, "the run never reached a pool process"
        while time.monotonic() < deadline:
            state = _state(environment)
            if state["status"] in ("succeeded", "failed"):
                break
            time.sleep(0.5)
        assert state["status"] in ("succeeded", "failed"), state
        assert state["status"] == "succeeded", state  # retried by the new pool process
        assert state["done"] == state["total"]
        assert state["versions"] == 2
        assert state["v1_paragraphs"] == before["v1_paragraphs"]  # version 1 untouched
        assert killed not in _children(worker.pid)
    finally:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait(timeout=10)
