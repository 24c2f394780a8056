"""The production settings: deploy-clean when configured, refusing to start when not.

Each check runs `manage.py` in a subprocess, since the suite's own process is already
configured with the test settings. No services are needed.
"""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
ENV_EXAMPLE = ROOT / ".env.example"
# What the subprocesses inherit from this process; everything else is set explicitly.
PASSED_THROUGH = ("HOME", "LANG", "LC_ALL", "TMPDIR", "USER")


def _environment(**variables: str) -> dict[str, str]:
    env = {name: os.environ[name] for name in PASSED_THROUGH if name in os.environ}
    env["PATH"] = os.pathsep.join([str(Path(sys.executable).parent), os.environ.get("PATH", "")])
    env["DJANGO_SETTINGS_MODULE"] = "config.settings.production"
    env.update(variables)
    return env


def _manage(*args: str, env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def _example_values() -> dict[str, str]:
    """The uncommented KEY=value lines of .env.example."""
    values = {}
    for line in ENV_EXAMPLE.read_text().splitlines():
        match = re.fullmatch(r"([A-Z][A-Z0-9_]*)=(.*)", line.strip())
        if match:
            values[match[1]] = match[2]
    return values


def _dotenv_defines(name: str) -> bool:
    """Whether a developer's .env (read by the settings themselves) sets `name`."""
    dotenv = ROOT / ".env"
    return dotenv.exists() and bool(
        re.search(rf"^\s*(export\s+)?{name}\s*=\s*\S", dotenv.read_text(), re.MULTILINE)
    )


def _secret_key() -> str:
    return secrets.token_urlsafe(50)  # 67 characters, more than check --deploy asks


def test_check_deploy_is_clean_with_a_secret_and_a_host():
    result = _manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        env=_environment(SECRET_KEY=_secret_key(), ALLOWED_HOSTS="gcm.example.org"),
    )

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output
    assert "WARNING" not in output, output


def test_check_deploy_is_clean_with_the_example_environment():
    """`.env.example` with only the blanks filled in is a deploy-clean configuration."""
    values = _example_values()
    assert "SECRET_KEY" not in values, ".env.example must not carry a secret, even an empty one"
    assert values.get("POSTGRES_PASSWORD") == "", ".env.example must not carry a password"
    values.update(SECRET_KEY=_secret_key(), POSTGRES_PASSWORD="unused")

    result = _manage("check", "--deploy", "--fail-level", "WARNING", env=_environment(**values))

    output = result.stdout + result.stderr
    assert result.returncode == 0, output
    assert "System check identified no issues" in output, output


@pytest.mark.parametrize(
    ("missing", "present"),
    [
        ("SECRET_KEY", {"ALLOWED_HOSTS": "gcm.example.org"}),
        ("ALLOWED_HOSTS", {"SECRET_KEY": "x" * 60}),
    ],
)
def test_production_settings_refuse_to_start_without(missing, present):
    """A secret, and the hosts served, never have a default in production."""
    if _dotenv_defines(missing):
        pytest.skip(f"the project's .env sets {missing}, which the settings read")

    result = _manage("check", "--deploy", env=_environment(**present))

    assert result.returncode != 0, result.stdout + result.stderr
    assert missing in result.stderr, result.stderr


@pytest.mark.parametrize("secret_key", ["", "short-and-guessable"])
def test_production_refuses_to_start_with_an_empty_or_short_secret_key(secret_key):
    """Django itself would only complain on first use of an empty key, mid-request."""
    result = _manage(
        "check", env=_environment(SECRET_KEY=secret_key, ALLOWED_HOSTS="gcm.example.org")
    )

    output = result.stdout + result.stderr
    assert result.returncode != 0, output
    assert "SECRET_KEY" in output, output


def _variables_read_from_the_environment() -> set[str]:
    names = set()
    for path in [*sorted((ROOT / "config" / "settings").glob("*.py")), ROOT / "config/gunicorn.py"]:
        source = path.read_text()
        names.update(re.findall(r"\benv(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
        names.update(re.findall(r"os\.environ\.get\(\s*\"([A-Z][A-Z0-9_]*)\"", source))
        names.update(re.findall(r"os\.environ\[\s*\"([A-Z][A-Z0-9_]*)\"\s*\]", source))
    return names


def test_env_example_documents_every_variable_the_settings_read():
    documented = set(re.findall(r"^#?\s*([A-Z][A-Z0-9_]*)=", ENV_EXAMPLE.read_text(), re.MULTILINE))
    read = _variables_read_from_the_environment()
    assert {"SECRET_KEY", "ALLOWED_HOSTS", "WEB_CONCURRENCY"} <= read  # the scan works

    assert read - documented == set(), "add these to .env.example"
