"""The SQLite trial takes two writes of one form at once (autosave racing the submit)."""

import threading
import time

from django.conf import settings
from django.db.backends.sqlite3.base import DatabaseWrapper


def _writers_race(path, options) -> list[str]:
    setup = DatabaseWrapper({**_settings(path), "OPTIONS": options}, alias="setup")
    with setup.cursor() as cursor:
        cursor.execute("CREATE TABLE IF NOT EXISTS draft (text TEXT)")
    setup.close()
    errors: list[str] = []
    barrier = threading.Barrier(2)

    def write(name):
        connection = DatabaseWrapper({**_settings(path), "OPTIONS": options}, alias=name)
        try:
            connection.ensure_connection()
            barrier.wait(timeout=10)  # both requests arrive together
            # what `transaction.atomic()` begins on SQLite: BEGIN, or BEGIN IMMEDIATE with
            # the trial's transaction_mode
            connection._start_transaction_under_autocommit()
            with connection.cursor() as cursor:
                cursor.execute("SELECT count(*) FROM draft")  # read the form's input ...
                time.sleep(0.2)
                cursor.execute("INSERT INTO draft VALUES (%s)", [name])  # ... then save
            connection.connection.commit()
        except Exception as error:  # what the person would see as a 500
            errors.append(f"{name}: {error}")
        finally:
            connection.close()

    threads = [threading.Thread(target=write, args=(n,)) for n in ("autosave", "submit")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return errors


def _settings(path):
    return {
        "NAME": str(path),
        "ENGINE": "django.db.backends.sqlite3",
        "ATOMIC_REQUESTS": False,
        "AUTOCOMMIT": True,
        "CONN_MAX_AGE": 0,
        "CONN_HEALTH_CHECKS": False,
        "TIME_ZONE": None,
        "USER": "",
        "PASSWORD": "",
        "HOST": "",
        "PORT": "",
        "TEST": {},
    }


def test_two_saves_at_once_both_succeed_with_the_trial_settings(tmp_path, django_db_blocker):
    # a database file of its own, outside the test database
    with django_db_blocker.unblock():
        errors = _writers_race(tmp_path / "trial.sqlite3", settings.SQLITE_OPTIONS)

    assert errors == []


def test_without_them_one_of_the_two_saves_fails(tmp_path, django_db_blocker):
    # The defaults the trial had before: the race is real, so the test above can fail.
    with django_db_blocker.unblock():
        errors = _writers_race(tmp_path / "plain.sqlite3", {})

    assert len(errors) == 1
    assert "locked" in errors[0]
