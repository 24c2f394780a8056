"""Load 10,000 inputs for `bench/web.py` and print what the client needs, as JSON.

Runs with the web server's own environment (same SECRET_KEY), so the session it makes
for the staff user is one the server accepts.
"""

import json
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import django  # noqa: E402

django.setup()

from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY  # noqa: E402
from django.contrib.sessions.backends.db import SessionStore  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from stakeholders.models import Membership, Organisation  # noqa: E402


def main() -> None:
    sys.argv = [sys.argv[0]]
    from bench.aggregate import _load

    consultation = _load(int(os.environ.get("BENCH_INPUTS", "10000")), 9, 200)
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
    print(
        json.dumps(
            {
                "slug": consultation.slug,
                "session": session.pk,
                "issue": consultation.issues.first().pk,
                "staff_session": store.session_key,
                "staff_token": Token.objects.get_or_create(user=staff)[0].key,
                "participant_token": Token.objects.get_or_create(user=participant)[0].key,
            }
        )
    )


if __name__ == "__main__":
    main()
