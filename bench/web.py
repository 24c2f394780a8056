"""Load on the web pages and the API, served by gunicorn as docker-compose.yml serves it.

    python bench/web.py [--seconds 20] [--concurrency 4]

Creates a fresh PostgreSQL database (BENCH_DATABASE_URL, default gcm_bench_web on
127.0.0.1), runs the image's collectstatic and the compose `migrate` and `web` commands
with the compose environment, loads 10,000 inputs, then drives the health endpoint, the
staff input list, the dashboard, the API input list and the API input submit from this
process's threads at a fixed concurrency for a bounded time. Traffic goes to 127.0.0.1
only. Prints requests per second and p50/p95/p99 per endpoint, and each endpoint's p95
as a ratio to the health endpoint's.
"""

import argparse
import http.client
import json
import os
import resource
import secrets
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlparse

import yaml

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/gcm_bench_web"


def compose_web() -> tuple[list[str], dict[str, str]]:
    app = yaml.safe_load((ROOT / "docker-compose.yml").read_text())["services"]["web"]
    return app["command"], {k: str(v) for k, v in app.get("environment", {}).items()}


def fresh_database(url: str) -> None:
    parts = urlparse(url)
    name = parts.path.lstrip("/")
    args = ["-h", parts.hostname or "127.0.0.1", "-U", parts.username or "postgres"]
    subprocess.run(["dropdb", "--if-exists", *args, name], check=True)
    subprocess.run(["createdb", *args, name], check=True)


def free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _cpu_seconds(pid: int) -> tuple[float, float]:
    """CPU (user + system) of gunicorn (the master `pid` and its workers), and of every
    PostgreSQL process on the machine (ours are most of them while the load runs)."""
    tick = os.sysconf("SC_CLK_TCK")
    gunicorn = postgres = 0.0
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            head, tail = stat.read_text().rsplit(")", 1)
        except OSError:
            continue
        fields = tail.split()
        seconds = (int(fields[11]) + int(fields[12])) / tick
        if int(fields[1]) == pid or stat.parent.name == str(pid):  # a worker or the master
            gunicorn += seconds
        elif head.endswith("(postgres"):
            postgres += seconds
    return gunicorn, postgres


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def drive(port: int, endpoints: dict, seconds: float, concurrency: int) -> dict:
    timings: dict[str, list[float]] = {name: [] for name in endpoints}
    errors: dict[str, int] = dict.fromkeys(endpoints, 0)
    lock = threading.Lock()
    deadline = time.monotonic() + seconds
    names = list(endpoints)

    def worker(offset: int) -> None:
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        i = offset
        while time.monotonic() < deadline:
            name = names[i % len(names)]
            i += 1
            method, path, headers, body = endpoints[name]()
            started = time.perf_counter()
            try:
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                response.read()
                ok = response.status < 400
            except (OSError, http.client.HTTPException):
                conn.close()
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                ok = False
            elapsed = time.perf_counter() - started
            with lock:
                if ok:
                    timings[name].append(elapsed)
                else:
                    errors[name] += 1

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return {"timings": timings, "errors": errors}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=float(os.environ.get("BENCH_SECONDS", 20)))
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--inputs", type=int, default=10_000)
    args = parser.parse_args()

    database = os.environ.get("BENCH_DATABASE_URL", DEFAULT_DB)
    fresh_database(database)
    command, compose_env = compose_web()
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="gcm-bench-web-"))
    env = {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        **compose_env,
        "DATABASE_URL": database,
        "REDIS_URL": "",  # submit and list need no worker; tasks would run eagerly
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "WARNING",
        "API_THROTTLE_USER": "1000000/minute",
        "BENCH_INPUTS": str(args.inputs),
    }
    run = {"cwd": ROOT, "env": env, "check": True, "capture_output": True, "text": True}
    subprocess.run(["python", "manage.py", "collectstatic", "--noinput"], **run)
    subprocess.run(["python", "manage.py", "migrate", "--noinput"], **run)
    started = time.perf_counter()
    data = json.loads(subprocess.run(["python", "bench/web_load.py"], **run).stdout)
    print(f"loaded {args.inputs} inputs in {time.perf_counter() - started:.1f} s")
    shares = ", ".join(f"{q!r} {share:.1%}" for q, share in data["search_selectivity"].items())
    print(f"search queries (share of inputs each matches): {shares}")

    log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    try:
        for _ in range(120):
            try:
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=2)
                conn.request("GET", "/healthz")
                if conn.getresponse().status == 200:
                    break
            except OSError:
                time.sleep(0.5)
        else:
            raise SystemExit("gunicorn did not answer; see " + str(tmp / "gunicorn.log"))

        slug = data["slug"]
        cookie = {"Cookie": f"sessionid={data['staff_session']}"}
        staff_api = {"Authorization": f"Token {data['staff_token']}"}
        submit_headers = {
            "Authorization": f"Token {data['participant_token']}",
            "Content-Type": "application/json",
        }
        counter = iter(range(10**9))
        queries = iter(data["search_queries"] * 10**6)

        def submit():
            body = json.dumps(
                {
                    "session": data["session"],
                    "issue": data["issue"],
                    "kind": "recommendation",
                    "text": f"Perlindungan pekerja migran, masukan {next(counter)}.",
                    "language": "id",
                    "submit": True,
                }
            )
            return "POST", f"/api/v1/consultations/{slug}/inputs/", submit_headers, body

        endpoints = {
            "health /healthz": lambda: ("GET", "/healthz", {}, None),
            "staff input list": lambda: ("GET", f"/c/{slug}/staff/inputs/", cookie, None),
            "staff input search": lambda: (
                "GET",
                f"/c/{slug}/staff/inputs/?q={quote(next(queries))}&kind=concern&o=-organisation",
                cookie,
                None,
            ),
            "staff dashboard": lambda: ("GET", f"/c/{slug}/staff/", cookie, None),
            "api input list": lambda: (
                "GET",
                f"/api/v1/consultations/{slug}/inputs/",
                staff_api,
                None,
            ),
            "api input submit": submit,
        }
        # Warm up every worker and path, then measure.
        drive(port, endpoints, 2, args.concurrency)
        client_before = resource.getrusage(resource.RUSAGE_SELF)
        cpu_before = _cpu_seconds(server.pid)
        wall = time.monotonic()
        result = drive(port, endpoints, args.seconds, args.concurrency)
        wall = time.monotonic() - wall
        client_after = resource.getrusage(resource.RUSAGE_SELF)
        server_cpu, postgres_cpu = (
            after - before
            for after, before in zip(_cpu_seconds(server.pid), cpu_before, strict=True)
        )
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        server.wait(timeout=30)
        log.close()

    workers = env.get("WEB_CONCURRENCY", "3")
    print(
        f"gunicorn ({' '.join(command)}), WEB_CONCURRENCY={workers}, "
        f"{args.concurrency} client threads, {args.seconds:.0f} s, PostgreSQL"
    )
    client_cpu = sum(
        getattr(client_after, f) - getattr(client_before, f) for f in ("ru_utime", "ru_stime")
    )
    print(
        f"CPU over the measured {wall:.0f} s (2 cores = {2 * wall:.0f} s): "
        f"client {client_cpu:.1f} s, gunicorn {server_cpu:.1f} s, PostgreSQL {postgres_cpu:.1f} s"
    )
    health_p95 = percentile(result["timings"]["health /healthz"], 95)
    columns = ("req/s", "p50 ms", "p95 ms", "p99 ms", "p95/health", "errors")
    print(f"{'endpoint':22} " + " ".join(f"{c:>8}" for c in columns))
    for name, values in result["timings"].items():
        if not values:
            print(f"{name:22} no successful request ({result['errors'][name]} errors)")
            continue
        p50, p95, p99 = (percentile(values, p) * 1000 for p in (50, 95, 99))
        print(
            f"{name:22} {len(values) / args.seconds:8.1f} {p50:8.1f} {p95:8.1f} {p99:8.1f} "
            f"{p95 / 1000 / health_p95:7.1f}x {result['errors'][name]:8d}"
        )


if __name__ == "__main__":
    main()
