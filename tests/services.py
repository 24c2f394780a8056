"""Whether the real services the suite can use are reachable."""

import os
import shutil
import socket
from urllib.parse import urlparse


def _reachable(url: str, default_port: int) -> bool:
    parts = urlparse(url)
    try:
        with socket.create_connection(
            (parts.hostname or "127.0.0.1", parts.port or default_port), 2
        ):
            return True
    except OSError:
        return False


def postgres_url() -> str | None:
    url = os.environ.get("DATABASE_URL", "")
    return url if url.startswith(("postgres://", "postgresql://", "pgsql://")) else None


def redis_url() -> str | None:
    return os.environ.get("REDIS_URL") or None


def missing_services() -> list[str]:
    missing = []
    if not postgres_url():
        missing.append("DATABASE_URL does not name PostgreSQL")
    elif not _reachable(postgres_url(), 5432):
        missing.append("PostgreSQL does not answer")
    if not redis_url():
        missing.append("REDIS_URL is not set")
    elif not _reachable(redis_url(), 6379):
        missing.append("Redis does not answer")
    if not shutil.which(os.environ.get("CHROMIUM", "/usr/bin/chromium")):
        missing.append("Chromium is not installed")
    return missing
