"""docker-compose.yml, run without Docker.

No container engine is needed: the `migrate`, `web`, `worker` and `beat` commands are read from
docker-compose.yml and run exactly as written, with the environment the file gives them,
against this machine's PostgreSQL and Redis, the way the containers would run them.
Only what must differ on one machine is overridden: a fresh database, a Redis database
of its own, a free loopback port, and plain HTTP instead of the TLS proxy. The Dockerfile's
collectstatic step fills a temporary STATIC_ROOT, as the image build does.

One input then goes the whole way: a participant submits it over HTTP, staff start an
aggregation run, the real Celery worker (not eager mode) writes the draft, and the DOCX
export contains the input's text.
"""

import contextlib
import io
import json
import os
import re
import shlex
import signal
import socket
import subprocess
import sys
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import pytest
import requests
import yaml

from tests import services as service_checks

pytestmark = pytest.mark.services

ROOT = Path(__file__).resolve().parents[2]
COMPOSE_FILE = ROOT / "docker-compose.yml"
DOCKERFILE = ROOT / "Dockerfile"
REDIS_DB = 14  # a database of its own, emptied before and after
PASSED_THROUGH = ("HOME", "LANG", "LC_ALL", "TMPDIR", "USER")
SLUG = "gcm-2017"
DEMO_PASSWORD = "gcm-demo-2017"  # noqa: S105 — consult/demo.py
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
VERSION_LINK = re.compile(rf'href="/c/{SLUG}/paper/versions/(\d+)/"')
DOWNLOAD_LINK = re.compile(rf"/c/{SLUG}/paper/exports/(\d+)/download/")
POLL_SECONDS = 60
APP_SERVICES = ("migrate", "web", "worker", "beat")


# --- reading the deployment files -----------------------------------------------------


def compose() -> dict:
    return yaml.safe_load(COMPOSE_FILE.read_text())


def service(name: str) -> dict:
    return compose()["services"][name]


def command(name: str) -> list[str]:
    value = service(name)["command"]
    assert isinstance(value, list), f"{name}: write the command in exec form, as a list"
    return value


def compose_environment(name: str) -> dict[str, str]:
    value = service(name).get("environment") or {}
    if isinstance(value, list):
        value = dict(item.split("=", 1) for item in value)
    return {key: str(val) for key, val in value.items()}


def dockerfile_instructions() -> list[tuple[str, str]]:
    """(INSTRUCTION, arguments) pairs, continuation lines joined, comments dropped."""
    lines = [
        line for line in DOCKERFILE.read_text().splitlines() if not line.lstrip().startswith("#")
    ]
    logical = re.sub(r"\\\n", " ", "\n".join(lines))
    instructions = []
    for line in logical.splitlines():
        if line.strip():
            keyword, _space, arguments = line.strip().partition(" ")
            instructions.append((keyword.upper(), arguments.strip()))
    return instructions


def dockerfile_run(containing: str) -> tuple[str, dict[str, str]]:
    """The RUN step whose command contains `containing`, with the ARG and ENV values in
    force at that point of the build."""
    env = {}
    for keyword, arguments in dockerfile_instructions():
        if keyword in ("ARG", "ENV"):
            for token in shlex.split(arguments):
                name, equals, value = token.partition("=")
                if equals:
                    env[name] = value
        elif keyword == "RUN" and containing in arguments:
            return arguments, env
    raise AssertionError(f"the Dockerfile has no RUN step with {containing!r}")


def healthcheck(name: str) -> list[str]:
    """The service's healthcheck as an argv list, the way the engine would run it."""
    test = service(name)["healthcheck"]["test"]
    if test[0] == "CMD":
        return list(test[1:])
    assert test[0] == "CMD-SHELL", test
    return ["sh", "-c", test[1].replace("$$", "$")]  # compose's escape for a literal $


# --- the machine's services -------------------------------------------------------------


def _services_or_skip() -> None:
    missing = [item for item in service_checks.missing_services() if "Chromium" not in item]
    if not missing:
        return
    message = "PostgreSQL and Redis are needed: " + "; ".join(missing)
    if os.environ.get("REQUIRE_SERVICES") == "1":
        pytest.fail(message)
    pytest.skip(message)


def _with_path(url: str, path: str, scheme: str | None = None) -> str:
    parts = urlsplit(url)
    return urlunsplit((scheme or parts.scheme, parts.netloc, path, "", ""))


def _postgres_admin_url() -> str:
    url = service_checks.postgres_url()  # e.g. postgres://postgres@127.0.0.1:5432/postgres
    return _with_path(url, urlsplit(url).path or "/postgres", scheme="postgresql")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture(scope="module")
def database():
    """A fresh, empty PostgreSQL database, dropped afterwards; yields its URL."""
    _services_or_skip()
    import psycopg2

    admin_url = _postgres_admin_url()
    name = f"gcm_compose_{uuid.uuid4().hex[:12]}"
    admin = psycopg2.connect(admin_url)
    admin.autocommit = True
    try:
        with admin.cursor() as cursor:
            cursor.execute(f'CREATE DATABASE "{name}"')
        yield _with_path(admin_url, f"/{name}", scheme="postgres")
    finally:
        with admin.cursor() as cursor:
            cursor.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        admin.close()


@pytest.fixture(scope="module")
def redis_url():
    _services_or_skip()
    import redis

    url = _with_path(service_checks.redis_url(), f"/{REDIS_DB}")
    client = redis.Redis.from_url(url)
    client.flushdb()
    try:
        yield url
    finally:
        client.flushdb()
        client.close()


# --- running the services ---------------------------------------------------------------


@dataclass
class Stack:
    env: dict[str, str]
    base_url: str
    logs: Path
    processes: dict[str, subprocess.Popen] = field(default_factory=dict)

    def run(self, argv: list[str], env: dict[str, str] | None = None, timeout: int = 120):
        return subprocess.run(
            argv,
            cwd=ROOT,
            env=env or self.env,
            capture_output=True,
            text=True,
            timeout=timeout,
        )

    def start(self, name: str, argv: list[str], env: dict[str, str] | None = None) -> None:
        log = (self.logs / f"{name}.log").open("wb")
        self.processes[name] = subprocess.Popen(
            argv,
            cwd=ROOT,
            env=env or self.env,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,  # its own process group: gunicorn and celery fork
        )
        log.close()

    def stop(self, name: str) -> None:
        process = self.processes.pop(name)
        if process.poll() is None:
            process.terminate()  # a warm shutdown, as `docker compose stop` asks for
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait(timeout=10)
        with contextlib.suppress(ProcessLookupError):  # children left in its process group
            os.killpg(process.pid, signal.SIGKILL)

    def stop_all(self) -> None:
        for name in list(self.processes):
            self.stop(name)

    def alive(self, name: str) -> bool:
        return self.processes[name].poll() is None

    def log(self, name: str) -> str:
        path = self.logs / f"{name}.log"
        return path.read_text(errors="replace") if path.exists() else ""

    def tails(self, lines: int = 40) -> str:
        return "\n".join(
            f"--- last lines of the {name} log ---\n"
            + "\n".join(self.log(name).splitlines()[-lines:])
            for name in ("web", "worker", "beat")
            if (self.logs / f"{name}.log").exists()
        )

    def url(self, path: str) -> str:
        return self.base_url + path


def _machine_environment() -> dict[str, str]:
    """What every subprocess starts from; nothing of this process's settings leaks in."""
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    # `python`, `pybabel`, `gunicorn` and `celery` resolve to this virtualenv, as they do
    # to the image's site-packages inside a container.
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    return env


def _base_environment(overrides: dict[str, str]) -> dict[str, str]:
    """The container's environment: the compose file's `environment:` (shared by every
    app service through the x-app anchor) with this machine's overrides on top."""
    environments = {name: compose_environment(name) for name in APP_SERVICES}
    assert all(environment == environments["web"] for environment in environments.values())
    compose_env = environments["web"]
    assert compose_env["DJANGO_SETTINGS_MODULE"] == "config.settings.production"
    unresolved = {k: v for k, v in compose_env.items() if "$" in v and k not in overrides}
    assert not unresolved, f"compose substitutions this test does not resolve: {unresolved}"

    env = _machine_environment()
    env.update(compose_env)
    env.update(overrides)
    return env


def _wait_for(predicate, timeout: float, interval: float = 0.25) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return False


def _healthz(stack: Stack) -> dict | None:
    try:
        response = requests.get(stack.url("/healthz"), timeout=2)
    except requests.RequestException:
        return None
    return response.json() if response.status_code == 200 else None


@pytest.fixture(scope="module")
def stack(database, redis_url, tmp_path_factory):
    """migrate, seed_demo, then web and worker, as docker-compose.yml starts them."""
    tmp = tmp_path_factory.mktemp("compose")
    port = _free_port()
    env = _base_environment(
        {
            "DATABASE_URL": database,
            "REDIS_URL": redis_url,
            "GUNICORN_BIND": f"127.0.0.1:{port}",
            "WEB_CONCURRENCY": "2",
            "SECRET_KEY": uuid.uuid4().hex + uuid.uuid4().hex,
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            # Plain HTTP on loopback stands in for the TLS proxy.
            "SECURE_SSL_REDIRECT": "false",
            "SECURE_COOKIES": "false",
            "STATIC_ROOT": str(tmp / "static"),
            "MEDIA_ROOT": str(tmp / "media"),
            # small, so the shared-counter test below stays under the sign-in lockout
            "API_THROTTLE_TOKEN": "3/minute",
        }
    )
    logs = tmp / "logs"
    logs.mkdir()
    stack = Stack(env=env, base_url=f"http://127.0.0.1:{port}", logs=logs)
    try:
        # The image build's collectstatic step, into this run's STATIC_ROOT.
        step, build_env = dockerfile_run("collectstatic")
        result = stack.run(
            ["sh", "-c", step],
            env={**_machine_environment(), **build_env, "STATIC_ROOT": env["STATIC_ROOT"]},
        )
        assert result.returncode == 0, result.stdout + result.stderr
        assert (tmp / "static" / "staticfiles.json").exists(), "no manifest: production storage"

        result = stack.run(command("migrate"))
        assert result.returncode == 0, result.stdout + result.stderr

        # Demo data is refused under the deployment's settings ...
        result = stack.run(["python", "manage.py", "seed_demo"])
        assert result.returncode != 0, "seed_demo ran under production settings"
        assert "refused" in result.stderr, result.stderr
        # ... so the trial loads it under the local settings, into the same database.
        local_env = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
        result = stack.run(["python", "manage.py", "seed_demo"], env=local_env)
        assert result.returncode == 0, result.stdout + result.stderr

        stack.start("worker", command("worker"))
        stack.start("web", command("web"))

        def web_up():
            assert stack.alive("web"), "gunicorn exited\n" + stack.tails()
            health = _healthz(stack)
            return health is not None and health["broker"] == "ok"

        def worker_up():
            assert stack.alive("worker"), "the celery worker exited\n" + stack.tails()
            return " ready." in stack.log("worker")

        if not _wait_for(web_up, timeout=30):
            pytest.fail("/healthz did not answer 200 with broker ok\n" + stack.tails())
        if not _wait_for(worker_up, timeout=30):
            pytest.fail("the celery worker did not become ready\n" + stack.tails())
        yield stack
    finally:
        stack.stop_all()


# --- the deployment files themselves ----------------------------------------------------


def test_every_app_service_runs_the_one_image_with_the_deployment_settings():
    services = compose()["services"]
    app = compose()["x-app"]
    for name in APP_SERVICES:
        assert services[name]["build"] == app["build"]
        assert services[name]["image"] == app["image"]
        assert services[name]["env_file"] == ".env"
        assert compose_environment(name)["DJANGO_SETTINGS_MODULE"] == ("config.settings.production")
    assert services["migrate"]["depends_on"]["db"]["condition"] == "service_healthy"
    for name in ("web", "worker", "beat"):
        depends_on = services[name]["depends_on"]
        assert depends_on["migrate"]["condition"] == "service_completed_successfully"
        assert depends_on["redis"]["condition"] == "service_healthy"
    assert {"pgdata", "media"} <= set(compose()["volumes"])


def test_the_image_default_command_is_the_web_command():
    (cmd,) = [arguments for keyword, arguments in dockerfile_instructions() if keyword == "CMD"]
    assert json.loads(cmd) == command("web")


def test_the_image_build_compiles_whatever_catalogues_exist(tmp_path):
    """The catalogue step succeeds with no .po files and with the project's own."""
    step, build_env = dockerfile_run("pybabel compile")
    env = {**_machine_environment(), **build_env}
    (tmp_path / "empty" / "locale" / "id" / "LC_MESSAGES").mkdir(parents=True)
    result = subprocess.run(
        ["sh", "-c", step], cwd=tmp_path / "empty", env=env, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr

    copy = tmp_path / "project"
    copy.mkdir()
    subprocess.run(["cp", "-r", str(ROOT / "locale"), str(copy)], check=True)
    for stale in copy.glob("locale/*/LC_MESSAGES/*.mo"):
        stale.unlink()  # .dockerignore keeps compiled catalogues out of the image
    result = subprocess.run(["sh", "-c", step], cwd=copy, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    for po in copy.glob("locale/*/LC_MESSAGES/django.po"):
        assert po.with_suffix(".mo").exists(), f"{po.relative_to(copy)} was not compiled"


# --- the running stack --------------------------------------------------------------------


def test_the_healthchecks_pass_against_the_running_services(stack):
    web_check = [
        part.replace("127.0.0.1:8000", stack.base_url[len("http://") :])
        for part in healthcheck("web")
    ]
    assert web_check != healthcheck("web"), "the web healthcheck no longer names 127.0.0.1:8000"
    result = stack.run(web_check, timeout=30)
    assert result.returncode == 0, result.stdout + result.stderr + stack.tails()

    # Inside a container HOSTNAME is the container's, which Celery names its node after.
    result = stack.run(
        healthcheck("worker"), env={**stack.env, "HOSTNAME": socket.gethostname()}, timeout=60
    )
    assert result.returncode == 0, result.stdout + result.stderr + stack.tails()
    assert "pong" in result.stdout, result.stdout


def test_the_web_healthcheck_passes_behind_the_https_redirect(stack):
    """With the deployment's own defaults (HTTPS redirect, secure cookies) plain HTTP is
    redirected, yet the container's healthcheck, which speaks as the proxy, still passes."""
    port = _free_port()
    env = {**stack.env, "GUNICORN_BIND": f"127.0.0.1:{port}", "WEB_CONCURRENCY": "1"}
    del env["SECURE_SSL_REDIRECT"], env["SECURE_COOKIES"]
    stack.start("web-https", command("web"), env=env)
    try:
        base = f"http://127.0.0.1:{port}"

        def redirected():
            assert stack.alive("web-https"), stack.log("web-https")
            try:
                response = requests.get(base + "/healthz", allow_redirects=False, timeout=2)
            except requests.RequestException:
                return False
            assert response.status_code == 301, response.text
            assert response.headers["Location"].startswith("https://"), response.headers
            return True

        assert _wait_for(redirected, timeout=30), stack.log("web-https")
        web_check = [
            part.replace("127.0.0.1:8000", f"127.0.0.1:{port}") for part in healthcheck("web")
        ]
        result = stack.run(web_check, env=env, timeout=30)
        assert result.returncode == 0, result.stdout + result.stderr + stack.log("web-https")
    finally:
        stack.stop("web-https")


def test_the_web_service_serves_the_static_files_collected_at_build_time(stack):
    page = requests.get(stack.url("/login/"), timeout=10)
    assert page.status_code == 200, page.text[:500]
    stylesheet = re.search(r'href="(/static/css/workspace\.[0-9a-f]{12}\.css)"', page.text)
    assert stylesheet, "the page does not link the hashed stylesheet of the manifest"

    response = requests.get(stack.url(stylesheet[1]), timeout=10)

    assert response.status_code == 200, stack.tails()
    assert "immutable" in response.headers.get("Cache-Control", "")


def _csrf(html: str) -> str:
    match = CSRF.search(html)
    assert match, "no csrfmiddlewaretoken in the page"
    return match[1]


def _log_in(stack: Stack, username: str) -> requests.Session:
    browser = requests.Session()
    page = browser.get(stack.url("/login/"), timeout=10)
    assert page.status_code == 200, page.text[:500]
    response = browser.post(
        stack.url("/login/"),
        data={
            "csrfmiddlewaretoken": _csrf(page.text),
            "username": username,
            "password": DEMO_PASSWORD,
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, f"{username} could not log in: {response.text[:500]}"
    return browser


def test_throttles_count_once_across_web_replicas(stack):
    # A second web replica beside the first, as `docker compose up --scale web=2` runs
    # it; requests alternate between them. With a counter per process each replica
    # would let three tries through; the Redis cache counts them once.
    port = _free_port()
    stack.start("web2", command("web"), env={**stack.env, "GUNICORN_BIND": f"127.0.0.1:{port}"})
    replicas = [stack.base_url, f"http://127.0.0.1:{port}"]

    def second_up():
        assert stack.alive("web2"), "the second replica exited\n" + stack.log("web2")
        try:
            return requests.get(replicas[1] + "/healthz", timeout=5).status_code == 200
        except requests.RequestException:  # not listening yet, or busy starting
            return False

    try:
        assert _wait_for(second_up, timeout=60), stack.log("web2")
        statuses = [
            requests.post(
                replicas[i % 2] + "/api/v1/auth/token/",
                data={"username": f"nobody-{i}", "password": "wrong"},
                timeout=10,
            ).status_code
            for i in range(8)
        ]
    finally:
        stack.stop("web2")

    assert statuses == [400, 400, 400, 429, 429, 429, 429, 429]


def test_an_input_goes_from_participant_to_docx_through_the_real_worker(stack):
    unique = f"Compose check {uuid.uuid4().hex}: protect migrant domestic workers at sea."

    # A participant submits an input to the demo session.
    participant = _log_in(stack, "migrantcare")
    consultation = participant.get(stack.url(f"/c/{SLUG}/"), timeout=10)
    assert consultation.status_code == 200, consultation.text[:500]
    session = re.search(rf'href="/c/{SLUG}/sessions/(\d+)/"', consultation.text)
    assert session, "no session link on the consultation page"
    session_page = participant.get(stack.url(f"/c/{SLUG}/sessions/{session[1]}/"), timeout=10)
    assert session_page.status_code == 200, session_page.text[:500]
    form_url = stack.url(f"/c/{SLUG}/sessions/{session[1]}/inputs/new/")
    form = participant.get(form_url, timeout=10)
    assert form.status_code == 200, form.text[:500]
    select = re.search(r'<select name="issue"[^>]*>(.*?)</select>', form.text, re.DOTALL)
    assert select, "no issue <select> in the input form"
    issues = re.findall(r'<option value="(\d+)"', select[1])
    assert issues, "no thematic issue to choose from"
    response = participant.post(
        form_url,
        data={
            "csrfmiddlewaretoken": _csrf(form.text),
            "issue": issues[0],
            "kind": "recommendation",
            "language": "en",
            "text": unique,
            "submit": "1",
        },
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]

    # Staff start an aggregation run; the worker, not the web process, does it.
    staff = _log_in(stack, "staf")
    paper_url = stack.url(f"/c/{SLUG}/paper/")
    paper = staff.get(paper_url, timeout=10)
    assert paper.status_code == 200, paper.text[:500]
    before = set(VERSION_LINK.findall(paper.text))
    response = staff.post(
        stack.url(f"/c/{SLUG}/paper/runs/"),
        data={"csrfmiddlewaretoken": _csrf(paper.text)},
        allow_redirects=False,
        timeout=10,
    )
    assert response.status_code == 302, response.text[:2000]

    new_versions: set[str] = set()

    def written():
        assert stack.alive("worker"), "the celery worker exited\n" + stack.tails()
        page = staff.get(paper_url, timeout=10)
        assert '<span class="error">' not in page.text, (
            "the run failed: "
            + re.search(r'<span class="error">(.*?)</span>', page.text, re.DOTALL)[1]
            + "\n"
            + stack.tails()
        )
        new_versions.update(set(VERSION_LINK.findall(page.text)) - before)
        return bool(new_versions)

    assert _wait_for(written, timeout=POLL_SECONDS, interval=0.5), (
        f"no new version within {POLL_SECONDS} s\n" + stack.tails()
    )
    assert re.search(r"aggregate_paper\[[^\]]+\] succeeded", stack.log("worker")), (
        "the version was not written by the worker\n" + stack.tails()
    )

    # The export, a recorded job the worker runs, carries the participant's words.
    (number,) = new_versions
    exports_url = stack.url(f"/c/{SLUG}/paper/exports/")
    exports = staff.get(exports_url, timeout=10)
    known = set(DOWNLOAD_LINK.findall(exports.text))
    requested = staff.post(
        exports_url,
        data={
            "csrfmiddlewaretoken": _csrf(exports.text),
            "version": number,
            "format": "docx",
            "language": "en",
            "audience": "directorate",
        },
        allow_redirects=False,
        timeout=10,
    )
    assert requested.status_code == 302, requested.text[:2000]
    done: set[str] = set()

    def exported():
        page = staff.get(exports_url, timeout=10)
        done.update(set(DOWNLOAD_LINK.findall(page.text)) - known)
        return bool(done)

    assert _wait_for(exported, timeout=POLL_SECONDS, interval=0.5), (
        "the export was not written\n" + stack.tails()
    )
    (export_id,) = done
    export = staff.get(stack.url(f"/c/{SLUG}/paper/exports/{export_id}/download/"), timeout=30)
    assert export.status_code == 200, export.text[:500]
    assert export.headers["Content-Type"].startswith(
        "application/vnd.openxmlformats-officedocument.wordprocessingml"
    )
    import docx

    document = docx.Document(io.BytesIO(export.content))
    text = "\n".join(paragraph.text for paragraph in document.paragraphs)
    assert unique in text, "the input's text is not in the exported draft\n" + stack.tails()


def test_beat_sends_the_stale_run_check_and_the_worker_runs_it(stack, tmp_path):
    """The beat command as written, sending every second here instead of every 5 min."""
    env = {
        **stack.env,
        "AGGREGATION_EXPIRE_EVERY_SECONDS": "1",
        "CELERY_BEAT_SCHEDULE_FILENAME": str(tmp_path / "celerybeat-schedule"),
    }
    stack.start("beat", command("beat"), env=env)
    try:

        def sent():
            assert stack.alive("beat"), "celery beat exited\n" + stack.log("beat")
            return "Sending due task expire-stale-aggregation-runs" in stack.log("beat")

        assert _wait_for(sent, timeout=30), "beat sent nothing\n" + stack.log("beat")
        ran = re.compile(r"expire_stale_runs\[[^\]]+\] succeeded")
        assert _wait_for(lambda: ran.search(stack.log("worker")), timeout=30), stack.tails()
    finally:
        process = stack.processes["beat"]
        stack.stop("beat")
    assert process.returncode == 0, stack.log("beat")  # a clean shutdown on SIGTERM
    assert "beat: Starting..." in stack.log("beat")
    assert "Traceback" not in stack.log("beat")
    assert "ERROR" not in stack.log("beat")
