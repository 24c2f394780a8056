"""The web process knows the tasks it sends by name, without a worker's discovery."""

import subprocess
import sys

from django.conf import settings


def test_a_fresh_web_process_has_the_tasks_registered():
    script = (
        "import django; django.setup(); from celery import current_app; "
        "names = set(current_app.tasks); "
        "print(sorted(n for n in names if n.startswith('positions.')))"
    )
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=settings.BASE_DIR,
        capture_output=True,
        text=True,
        env={"DJANGO_SETTINGS_MODULE": "config.settings.test", "PATH": "/usr/bin:/bin"},
        timeout=60,
    )

    assert "positions.tasks.aggregate_paper" in result.stdout, result.stderr
    assert "positions.tasks.export_paper" in result.stdout
