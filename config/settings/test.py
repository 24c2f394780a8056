"""The test suite: SQLite and eager Celery unless DATABASE_URL / REDIS_URL say otherwise."""

from config.settings.base import *  # noqa: F403
from config.settings.base import env

SECRET_KEY = "test-only-not-secret"  # noqa: S105
DEBUG = False
ALLOWED_HOSTS = ["*"]
DEMO_DATA_ALLOWED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
# In-process tests run tasks eagerly; the compose test starts a real worker.
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=True)
MEDIA_ROOT = env.path("MEDIA_ROOT", default="/tmp/gcm-test-media")  # noqa: S108
LANGUAGE_CODE = "id"
# Throttle counters and login attempts in process memory, emptied before every test; the
# shared cache across processes is tested with real processes (tests/security).
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
