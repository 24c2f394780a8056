"""A security probe of a running workspace, on loopback only, bounded in time.

    python bench/probe.py [--concurrent 500] [--examples 10]

Creates a fresh PostgreSQL database (PROBE_DATABASE_URL, default gcm_probe on
127.0.0.1), runs `migrate` and the compose `web` command (gunicorn, production
settings, tasks run eagerly), loads the demo consultation, then tries as an attacker
would, signed in as each demo role:

- matrix: role x object x action on pages and API, attachments and exports included;
- xss: script payloads in every text field of the input form and in query parameters,
  which must come back escaped (and raise no dialog in Chromium, when CHROMIUM names it);
- formulas: spreadsheet formulas typed as inputs, which the CSV and XLSX exports must
  neutralise;
- uploads: a zip-bomb DOCX and a PDF/ZIP polyglot, refused, the server still answering;
- concurrency: many API submissions at once, each stored once, retries included;
- schemathesis: every API operation with a participant's token and with a staff one,
  no server error.

Prints tries and failures per area and exits non-zero on any failure. Traffic goes to
127.0.0.1 only.
"""

import argparse
import io
import json
import os
import re
import secrets
import subprocess
import sys
import tempfile
import time
import zipfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import requests

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.web import compose_web, free_port, fresh_database  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DB = "postgres://postgres@127.0.0.1:5432/gcm_probe"
PASSWORD = "gcm-demo-2017"  # noqa: S105 -- the demo accounts' password, loaded by seed_demo
ROLES = ["staf", "direktur", "kemnaker", "bnp2tki", "migrantcare", "iom", "pengamat"]
SLUG = "gcm-2017"
CSRF = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
XSS = "<script>alert('probe')</script><img src=x onerror=alert('probe')>"
FORMULAS = ['=HYPERLINK("http://127.0.0.1/?leak="&B2,"open")', "+cmd|' /C calc'!A0", "@SUM(1)"]


class Probe:
    def __init__(self, base: str):
        self.base = base
        self.results: dict[str, list[int]] = {}  # area -> [tries, failures]
        self.failures: list[str] = []

    def check(self, area: str, ok: bool, what: str) -> None:
        tries, failed = self.results.setdefault(area, [0, 0])
        self.results[area] = [tries + 1, failed + (not ok)]
        if getattr(self, "verbose", False):
            print(f"  {area}: {'ok ' if ok else 'FAILED '}{what}")
        if not ok:
            self.failures.append(f"{area}: {what}")

    def url(self, path: str) -> str:
        return self.base + path

    def session(self, username: str) -> requests.Session:
        browser = requests.Session()
        page = browser.get(self.url("/login/"), timeout=10)
        browser.post(
            self.url("/login/"),
            data={
                "csrfmiddlewaretoken": CSRF.search(page.text)[1],
                "username": username,
                "password": PASSWORD,
            },
            headers={"Referer": self.url("/login/")},
            timeout=10,
        )
        return browser

    def token(self, username: str) -> str:
        response = requests.post(
            self.url("/api/v1/auth/token/"),
            data={"username": username, "password": PASSWORD},
            timeout=10,
        )
        return response.json()["token"]


def _form(browser, probe, path) -> str:
    return CSRF.search(browser.get(probe.url(path), timeout=10).text)[1]


def _docx_bomb() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as member:
            for _ in range(1024):
                member.write(b"\0" * (1024 * 1024))  # 1 GiB unpacked
    return buffer.getvalue()


def _polyglot() -> bytes:
    buffer = io.BytesIO(b"%PDF-1.4\n1 0 obj\n<<>>\nendobj\nstartxref\n0\n%%EOF\n")
    buffer.seek(0, io.SEEK_END)
    with zipfile.ZipFile(buffer, "a") as archive:
        archive.writestr("index.html", XSS)
    return buffer.getvalue()


def _submit_form(browser, probe, session_pk, text, attachment=None, proposal="", save=False):
    path = f"/c/{SLUG}/sessions/{session_pk}/inputs/new/"
    data = {
        "csrfmiddlewaretoken": _form(browser, probe, path),
        "issue": probe.issue_pk,
        "kind": "concern",
        "text": text,
        "proposal": proposal,
        "language": "id",
        "confidentiality": "participants",
        "save" if save else "submit": "1",
    }
    files = {"attachment": attachment} if attachment else None
    return browser.post(
        probe.url(path),
        data=data,
        files=files,
        headers={"Referer": probe.url(path)},
        timeout=60,
    )


def area_matrix(probe: Probe, browsers: dict) -> None:
    """Who may open what: expected status per role, pages and API."""
    staff = {"staf", "direktur"}
    paper_readers = staff | {"iom"}
    everyone = set(ROLES)
    pages = {
        f"/c/{SLUG}/": everyone,
        f"/c/{SLUG}/staff/inputs/": staff,
        f"/c/{SLUG}/staff/audit/": staff,
        f"/c/{SLUG}/paper/": paper_readers,
        f"/c/{SLUG}/paper/exports/": staff,
        "/admin/": set(),
    }
    for path, allowed in pages.items():
        for role in ROLES:
            response = browsers[role].get(probe.url(path), timeout=30, allow_redirects=False)
            status = response.status_code
            expected_ok = role in allowed
            ok = (status == 200) if expected_ok else status in (302, 403, 404)
            probe.check("matrix", ok, f"{role} GET {path} -> {status}")
    # The API with each role's token: staff lists every input, others only their own.
    for role in ROLES:
        headers = {"Authorization": f"Token {probe.tokens[role]}"}
        response = requests.get(
            probe.url(f"/api/v1/consultations/{SLUG}/inputs/?page_size=500"),
            headers=headers,
            timeout=30,
        )
        if response.status_code != 200:
            probe.check("matrix", False, f"{role} API inputs -> {response.status_code}")
            continue
        organisations = {i["organisation_name"] for i in response.json()["results"]}
        probe.check(
            "matrix",
            role in staff or len(organisations) <= 1,
            f"{role} reads inputs of {sorted(organisations)}",
        )
    # A draft's attachment: only its organisation.
    browser = browsers["migrantcare"]
    attachment = ("bukti.pdf", PDF_MINIMAL, "application/pdf")
    response = _submit_form(
        browser, probe, probe.session_pk, "Draf dengan lampiran.", attachment, save=True
    )
    links = re.findall(r'href="(/attachments/[0-9a-f-]{36}/)"', response.text)
    probe.check("matrix", bool(links), "the draft's attachment link is on its form")
    for link in links[:1]:
        for role in ROLES:
            status = browsers[role].get(probe.url(link), timeout=10).status_code
            ok = status == 200 if role == "migrantcare" else status in (403, 404)
            probe.check("matrix", ok, f"{role} GET draft attachment -> {status}")
    # Enumerating attachments by number finds nothing.
    for n in range(1, 6):
        status = browsers["kemnaker"].get(probe.url(f"/attachments/{n}/"), timeout=10).status_code
        probe.check("matrix", status == 404, f"/attachments/{n}/ -> {status}")


def area_xss(probe: Probe, browsers: dict) -> None:
    browser = browsers["migrantcare"]
    response = _submit_form(browser, probe, probe.session_pk, "Masukan " + XSS, proposal=XSS[:200])
    probe.check("xss", response.status_code in (200, 302), f"submit -> {response.status_code}")
    pages = [
        (browsers["migrantcare"], "/inputs/"),
        (browsers["staf"], f"/c/{SLUG}/staff/inputs/"),
        (browsers["staf"], f"/c/{SLUG}/staff/inputs/?q={requests.utils.quote(XSS)}"),
        (browsers["staf"], f"/c/{SLUG}/staff/inputs/?tag={requests.utils.quote(XSS)}"),
        (browsers["staf"], f"/c/{SLUG}/paper/compare/?a={requests.utils.quote(XSS)}"),
        (browsers["iom"], f"/c/{SLUG}/?next={requests.utils.quote(XSS)}"),
    ]
    for browser, path in pages:
        body = browser.get(probe.url(path), timeout=30).text
        probe.check("xss", "<script>alert('probe')" not in body, f"no raw script on {path}")
        probe.check("xss", "<img src=x onerror" not in body, f"no raw img on {path}")
    chromium = os.environ.get("CHROMIUM")
    if chromium and Path(chromium).exists():
        from playwright.sync_api import sync_playwright

        with sync_playwright() as playwright:
            chrome = playwright.chromium.launch(
                executable_path=chromium, headless=True, args=["--no-sandbox"]
            )
            context = chrome.new_context()
            cookie = browsers["staf"].cookies["sessionid"]
            context.add_cookies([{"name": "sessionid", "value": cookie, "url": probe.base}])
            page = context.new_page()
            dialogs = []
            page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
            for path in (f"/c/{SLUG}/staff/inputs/", f"/c/{SLUG}/staff/inputs/?q=probe"):
                page.goto(probe.url(path))
                page.wait_for_load_state("networkidle")
                probe.check("xss", not dialogs, f"Chromium raised a dialog on {path}: {dialogs}")
            chrome.close()


def area_formulas(probe: Probe, browsers: dict) -> None:
    for formula in FORMULAS:
        _submit_form(browsers["migrantcare"], probe, probe.session_pk, formula)
    staff = browsers["staf"]
    for fmt in ("csv", "xlsx"):
        path = f"/c/{SLUG}/paper/exports/"
        staff.post(
            probe.url(path),
            data={"csrfmiddlewaretoken": _form(staff, probe, path), "format": fmt, "query": ""},
            headers={"Referer": probe.url(path)},
            timeout=120,
        )
        page = staff.get(probe.url(path), timeout=30).text
        link = re.search(r'href="(/c/[^"]+/paper/exports/\d+/download/)"', page)
        probe.check("formulas", bool(link), f"{fmt} export listed")
        if not link:
            continue
        content = staff.get(probe.url(link[1]), timeout=60).content
        if fmt == "csv":
            text = content.decode("utf-8-sig")
            for formula in FORMULAS:
                quoted = "'" + formula.replace('"', '""')  # as the csv module writes it
                probe.check("formulas", quoted in text, f"csv neutralises {formula!r}")
        else:
            from openpyxl import load_workbook

            sheet = load_workbook(io.BytesIO(content)).active
            cells = [c for row in sheet.iter_rows() for c in row if c.value in FORMULAS]
            probe.check("formulas", len(cells) >= len(FORMULAS), "xlsx holds every formula as text")
            probe.check(
                "formulas", all(c.data_type == "s" for c in cells), "xlsx cells are strings"
            )


def area_uploads(probe: Probe, browsers: dict) -> None:
    for name, content in (("bom.docx", _docx_bomb()), ("poly.pdf", _polyglot())):
        started = time.perf_counter()
        response = _submit_form(
            browsers["migrantcare"],
            probe,
            probe.session_pk,
            "Lampiran berbahaya.",
            (name, content, "application/octet-stream"),
            save=True,
        )
        seconds = time.perf_counter() - started
        probe.check("uploads", response.status_code == 400, f"{name} -> {response.status_code}")
        probe.check("uploads", seconds < 10, f"{name} took {seconds:.1f} s")
        health = requests.get(probe.url("/healthz"), timeout=10).status_code
        probe.check("uploads", health == 200, f"server after {name}: {health}")


def area_concurrency(probe: Probe, n: int) -> None:
    headers = {"Authorization": f"Token {probe.tokens['migrantcare']}"}
    url = probe.url(f"/api/v1/consultations/{SLUG}/inputs/")
    marker = secrets.token_hex(4)
    probe.inputs_before = requests.get(
        url + "?page_size=1",
        headers={"Authorization": f"Token {probe.tokens['staf']}"},
        timeout=60,
    ).json()["count"]
    # Each key is sent twice, the copies racing each other.
    keys = [f"{marker}-{i // 2}" for i in range(n)]

    def send(key):
        body = {
            "session": probe.session_pk,
            "issue": probe.issue_pk,
            "kind": "concern",
            "text": f"Masukan serentak {key}.",
            "language": "id",
            "submit": True,
        }
        try:
            response = requests.post(
                url, json=body, headers={**headers, "Idempotency-Key": key}, timeout=120
            )
        except requests.RequestException as error:
            return key, str(error), None
        stored = response.json().get("id") if response.status_code == 201 else None
        return key, response.status_code, stored

    with ThreadPoolExecutor(max_workers=32) as pool:
        answers = list(pool.map(send, keys))
    ids_by_key: dict[str, set] = {}
    for key, status, stored in answers:
        probe.check("concurrency", status == 201, f"submission {key} -> {status}")
        ids_by_key.setdefault(key, set()).add(stored)
    # every copy of a request names the same input, and no two requests share one
    probe.check(
        "concurrency",
        all(len(ids) == 1 for ids in ids_by_key.values()),
        "copies of one request made more than one input",
    )
    all_ids = [next(iter(ids)) for ids in ids_by_key.values()]
    probe.check("concurrency", len(set(all_ids)) == len(all_ids), "two requests, one input")
    listed = requests.get(
        url + "?page_size=1",
        headers={"Authorization": f"Token {probe.tokens['staf']}"},
        timeout=60,
    ).json()
    before = probe.inputs_before
    probe.check(
        "concurrency",
        listed["count"] == before + len(ids_by_key),
        f"{listed['count'] - before} inputs stored for {len(ids_by_key)} requests",
    )


def area_schemathesis(probe: Probe, examples: int, env: dict) -> None:
    for role in ("migrantcare", "staf"):
        result = subprocess.run(
            [
                str(Path(sys.executable).parent / "schemathesis"),
                "run",
                probe.url("/api/schema/"),
                "--header",
                f"Authorization: Token {probe.tokens[role]}",
                "--checks",
                "not_a_server_error",
                "--max-examples",
                str(examples),
                "--request-timeout",
                "30",
            ],
            capture_output=True,
            text=True,
            timeout=600,
            env=env,
        )
        tested = re.search(r"(\d+) passed", result.stdout)
        failed = re.search(r"(\d+) failed", result.stdout)
        for _ in range(int(tested[1]) if tested else 0):
            probe.check("schemathesis", True, "")
        for _ in range(int(failed[1]) if failed else 0):
            probe.check("schemathesis", False, f"{role}: see schemathesis output")
        if result.returncode not in (0, 1) or not (tested or failed):
            probe.check(
                "schemathesis", False, f"{role}: {result.stdout[-500:]}{result.stderr[-500:]}"
            )
        elif result.returncode == 1:
            # schemathesis prints each failure (with a curl line to reproduce it) before
            # its summary
            details = result.stdout.split("SUMMARY")[0]
            start = details.find("FAILURES")
            probe.failures.append(details[start if start >= 0 else -3000 :][:4000])


PDF_MINIMAL = (
    b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog /Pages 2 0 R >>\nendobj\n"
    b"2 0 obj\n<< /Type /Pages /Kids [] /Count 0 >>\nendobj\n"
    b"xref\n0 3\n0000000000 65535 f \n0000000009 00000 n \n0000000058 00000 n \n"
    b"trailer\n<< /Size 3 /Root 1 0 R >>\nstartxref\n110\n%%EOF\n"
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--concurrent", type=int, default=500)
    parser.add_argument("--examples", type=int, default=10)
    parser.add_argument("--areas", default="matrix,xss,formulas,uploads,concurrency,schemathesis")
    parser.add_argument("--verbose", action="store_true", help="list every check")
    args = parser.parse_args()
    areas = set(args.areas.split(","))

    database = os.environ.get("PROBE_DATABASE_URL", DEFAULT_DB)
    fresh_database(database)
    command, compose_env = compose_web()
    port = free_port()
    tmp = Path(tempfile.mkdtemp(prefix="gcm-probe-"))
    env = {
        "PATH": os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")]),
        **compose_env,
        "DATABASE_URL": database,
        "REDIS_URL": "",  # tasks (exports) run eagerly, in the request
        "CELERY_TASK_ALWAYS_EAGER": "true",
        "SECRET_KEY": secrets.token_urlsafe(48),
        "ALLOWED_HOSTS": "127.0.0.1",
        "GUNICORN_BIND": f"127.0.0.1:{port}",
        "WEB_CONCURRENCY": "3",
        "SECURE_SSL_REDIRECT": "false",
        "SECURE_COOKIES": "false",
        "STATIC_ROOT": str(tmp / "static"),
        "MEDIA_ROOT": str(tmp / "media"),
        "LOG_LEVEL": "WARNING",
        "API_THROTTLE_USER": "1000000/minute",
    }
    run = {"cwd": ROOT, "env": env, "check": True, "capture_output": True, "text": True}
    subprocess.run(["python", "manage.py", "collectstatic", "--noinput"], **run)
    subprocess.run(["python", "manage.py", "migrate", "--noinput"], **run)
    local = {**env, "DJANGO_SETTINGS_MODULE": "config.settings.local"}
    subprocess.run(["python", "manage.py", "seed_demo"], **{**run, "env": local})
    ids = (
        subprocess.run(
            [
                "python",
                "manage.py",
                "shell",
                "-c",
                "import json; from consult.models import Consultation; "
                f"c = Consultation.objects.get(slug='{SLUG}'); "
                "s = next(s for s in c.sessions.order_by('pk') if s.is_open); "
                "print(json.dumps([s.pk, c.issues.order_by('position').first().pk]))",
            ],
            **{**run, "env": local},
        )
        .stdout.strip()
        .splitlines()[-1]
    )
    log = open(tmp / "gunicorn.log", "w")  # noqa: SIM115
    server = subprocess.Popen(
        command, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
    )
    probe = Probe(f"http://127.0.0.1:{port}")
    probe.session_pk, probe.issue_pk = json.loads(ids)
    started = time.perf_counter()
    try:
        for _ in range(120):
            try:
                if requests.get(probe.url("/healthz"), timeout=2).status_code == 200:
                    break
            except requests.RequestException:
                time.sleep(0.5)
        else:
            raise SystemExit("gunicorn did not answer; see " + str(tmp / "gunicorn.log"))
        browsers = {role: probe.session(role) for role in ROLES}
        probe.tokens = {role: probe.token(role) for role in ROLES}
        probe.verbose = args.verbose
        for area, run_area in [
            ("matrix", lambda: area_matrix(probe, browsers)),
            ("xss", lambda: area_xss(probe, browsers)),
            ("formulas", lambda: area_formulas(probe, browsers)),
            ("uploads", lambda: area_uploads(probe, browsers)),
            ("concurrency", lambda: area_concurrency(probe, args.concurrent)),
            ("schemathesis", lambda: area_schemathesis(probe, args.examples, env)),
        ]:
            if area in areas:
                run_area()
    finally:
        server.terminate()
        server.wait(timeout=30)
    print(f"security probe of 127.0.0.1:{port} in {time.perf_counter() - started:.0f} s")
    print(f"{'area':<14}{'tries':>8}{'failures':>10}")
    for area, (tries, failed) in probe.results.items():
        print(f"{area:<14}{tries:>8}{failed:>10}")
    for failure in probe.failures[:40]:
        print("  -", failure)
    raise SystemExit(1 if any(f for _t, f in probe.results.values()) else 0)


if __name__ == "__main__":
    main()
