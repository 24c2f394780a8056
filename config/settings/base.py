"""Settings shared by every environment.

Everything that differs between a laptop and a ministry's servers comes from the
environment (see `.env.example`); nothing here reads a secret with a default.
"""

from pathlib import Path

import environ
from django.utils.translation import gettext_lazy as _

BASE_DIR = Path(__file__).resolve().parent.parent.parent

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

DEBUG = env.bool("DEBUG", default=False)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=[])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rules.apps.AutodiscoverRulesConfig",
    "rest_framework",
    "rest_framework.authtoken",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "django_filters",
    "django_htmx",
    "axes",
    "common",
    "stakeholders",
    "consult",
    "positions",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "common.middleware.WorkspaceLanguageMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "csp.middleware.CSPMiddleware",
    "django_permissions_policy.PermissionsPolicyMiddleware",
    "common.middleware.IdleSessionTimeoutMiddleware",
    "common.middleware.PrivatePagesMiddleware",
    # last, as django-axes asks: it turns a lockout into the page that explains it
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "stakeholders.context_processors.notifications",
            ],
        },
    },
]

# --- data ---------------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = False
DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=0)
# PostgreSQL's default random_page_cost (4) prices a page read as on a spinning disk, and
# it does not price fetching a TOASTed search vector at all, so for a search word in 10 %
# of the inputs it picks a sequential scan that detoasts every vector (30 ms at 10,000
# inputs) over the GIN index (3 ms). 1.1 is the usual value for SSDs or a database that
# fits in memory; POSTGRES_RANDOM_PAGE_COST overrides it.
if DATABASES["default"]["ENGINE"].endswith("postgresql"):
    _options = DATABASES["default"].setdefault("OPTIONS", {})
    _page_cost = env.float("POSTGRES_RANDOM_PAGE_COST", default=1.1)
    _options.setdefault("options", f"-c random_page_cost={_page_cost}")
# The SQLite trial (`make run`) serves an autosave and a submit of one form at once. Write-
# ahead logging lets pages read during a write; IMMEDIATE transactions take the write
# lock when they begin, so a second writer waits (up to the timeout) instead of failing
# with "database is locked" when it tries to write after reading.
SQLITE_OPTIONS = {
    "transaction_mode": "IMMEDIATE",
    "timeout": 20,
    "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
}
if DATABASES["default"]["ENGINE"].endswith("sqlite3"):
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- auth ---------------------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    # first: refuses a locked-out account or address before a password is checked
    "axes.backends.AxesStandaloneBackend",
    "rules.permissions.ObjectPermissionBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "consult:home"
LOGOUT_REDIRECT_URL = "login"

# Login throttling (django-axes) on every way in: the login page, the admin's login and
# the API's token endpoint. After AXES_FAILURE_LIMIT failures for one account, or from
# one address, further tries are refused for LOGIN_LOCKOUT_MINUTES with a page in the
# user's language; a success resets the count, and staff can reset it in the admin
# (Access attempts) or with `manage.py axes_reset_username <name>`. Every failure is
# stored, which is the audit of failed logins.
AXES_FAILURE_LIMIT = env.int("LOGIN_FAILURE_LIMIT", default=5)
# How many reverse proxies stand in front of gunicorn: the client's address is read that
# many entries from the right of X-Forwarded-For (common/lockout.py). 0: REMOTE_ADDR.
# Too low and every client shares the proxy's address (one lockout for all); too high
# and a client can choose its own address.
TRUSTED_PROXY_HOPS = env.int("TRUSTED_PROXY_HOPS", default=0)
AXES_CLIENT_IP_CALLABLE = "common.lockout.client_address"
AXES_COOLOFF_TIME = env.float("LOGIN_LOCKOUT_MINUTES", default=15.0) / 60
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_CALLABLE = "common.lockout.lockout_response"
AXES_ENABLE_ACCESS_FAILURE_LOG = True
AXES_VERBOSE = False

# Sessions end after SESSION_IDLE_MINUTES without a request (common/middleware.py), and
# in any case SESSION_COOKIE_AGE after login.
SESSION_IDLE_MINUTES = env.int("SESSION_IDLE_MINUTES", default=60)
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE_SECONDS", default=12 * 60 * 60)

# --- language and time --------------------------------------------------------------
LANGUAGE_CODE = "id"
# Whether a browser's Accept-Language picks the interface's language for someone who has
# not chosen one; by default the workspace speaks LANGUAGE_CODE until they do.
LANGUAGE_FROM_BROWSER = env.bool("LANGUAGE_FROM_BROWSER", default=False)
LANGUAGES = [("id", _("Bahasa Indonesia")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = "Asia/Jakarta"
USE_I18N = True
USE_TZ = True

# --- static and uploaded files ------------------------------------------------------
STATIC_URL = "static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "staticfiles")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# --- participation ------------------------------------------------------------------
# An attachment larger than this is refused before it is stored (bytes; 10 MB default).
INPUT_ATTACHMENT_MAX_BYTES = env.int("INPUT_ATTACHMENT_MAX_BYTES", default=10 * 1024 * 1024)
# Django refuses request bodies above this; leave room for the form around the file.
DATA_UPLOAD_MAX_MEMORY_SIZE = INPUT_ATTACHMENT_MAX_BYTES + 1024 * 1024
# A DOCX or ODT that unpacks to more than this is refused (a zip bomb), bytes.
INPUT_ATTACHMENT_MAX_UNPACKED_BYTES = env.int(
    "INPUT_ATTACHMENT_MAX_UNPACKED_BYTES", default=100 * 1024 * 1024
)
INPUT_TEXT_MAX_CHARS = env.int("INPUT_TEXT_MAX_CHARS", default=20_000)
INVITATION_EXPIRY_DAYS = env.int("INVITATION_EXPIRY_DAYS", default=14)
# The address links in emails start with (invitations are sent from the web process).
SITE_URL = env("SITE_URL", default="http://127.0.0.1:8000")

# --- email --------------------------------------------------------------------------
EMAIL_CONFIG = env.email_url("EMAIL_URL", default="consolemail://")
vars().update(EMAIL_CONFIG)
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="GCM Workspace <noreply@localhost>")

# --- background jobs ----------------------------------------------------------------
# With no REDIS_URL the workspace runs in one process: tasks execute eagerly, in the
# request that asked for them. With REDIS_URL set they go to the broker and a worker.
REDIS_URL = env("REDIS_URL", default="")
CELERY_BROKER_URL = REDIS_URL or "memory://localhost/"
CELERY_RESULT_BACKEND = None
CELERY_TASK_ALWAYS_EAGER = env.bool("CELERY_TASK_ALWAYS_EAGER", default=not REDIS_URL)
CELERY_TASK_EAGER_PROPAGATES = True
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# A task runs at most CELERY_TASK_TIME_LIMIT seconds (an issue of 100,000 inputs
# aggregates in under a minute). Redis hands an unacknowledged task to another worker
# after the visibility timeout, so a worker killed mid-task delays its tasks by that
# long, not by Redis's default hour; it must exceed the time limit, or a slow task
# would run twice.
CELERY_TASK_TIME_LIMIT = env.int("CELERY_TASK_TIME_LIMIT", default=5 * 60)
CELERY_TASK_SOFT_TIME_LIMIT = env.int("CELERY_TASK_SOFT_TIME_LIMIT", default=4 * 60 + 30)
CELERY_VISIBILITY_TIMEOUT = env.int(
    "CELERY_VISIBILITY_TIMEOUT", default=CELERY_TASK_TIME_LIMIT + 60
)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
# Starting a run must answer quickly when the broker is down, not hang the request.
CELERY_BROKER_TRANSPORT_OPTIONS = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.5,
    "visibility_timeout": CELERY_VISIBILITY_TIMEOUT,
}
CELERY_TIMEZONE = TIME_ZONE
# `celery -A config beat` (one beat per deployment, the compose `beat` service) sends the
# periodic tasks. expire_stale_runs fails runs whose worker died with no one to take
# their message back (positions.services.aggregation_runs_expire).
CELERY_BEAT_SCHEDULE = {
    "expire-stale-aggregation-runs": {
        "task": "positions.tasks.expire_stale_runs",
        "schedule": env.float("AGGREGATION_EXPIRE_EVERY_SECONDS", default=60.0),
    },
}
# A run silent this long is dead: its worker's tasks would have come back to another
# worker after the visibility timeout and moved it on.
AGGREGATION_STALE_MINUTES = env.int(
    "AGGREGATION_STALE_MINUTES", default=CELERY_VISIBILITY_TIMEOUT // 60 + 2
)
# Beat remembers when each task last ran in this file; /tmp is writable in the image.
CELERY_BEAT_SCHEDULE_FILENAME = env(
    "CELERY_BEAT_SCHEDULE_FILENAME",
    default="/tmp/celerybeat-schedule",  # noqa: S108
)

# API tokens expire this many days after they were obtained (stakeholders/tokens.py).
API_TOKEN_DAYS = env.int("API_TOKEN_DAYS", default=30)
# Password tries on the token endpoint, per address, whatever the account.
API_THROTTLE_TOKEN = env("API_THROTTLE_TOKEN", default="10/minute")

# --- cache ----------------------------------------------------------------------------
# Throttle counters and login attempts must be counted once for the whole deployment,
# not once per process: with REDIS_URL they live in Redis, shared by every gunicorn
# worker and web replica; `make run` (one process) keeps them in local memory.
CACHES = {
    "default": (
        {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": env("CACHE_URL", default=REDIS_URL),
            "KEY_PREFIX": "gcm",
        }
        if REDIS_URL
        else {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}
    )
}

# --- browser security headers -------------------------------------------------------
# Every page's script and style come from static/; nothing inline, nothing from
# elsewhere (the workspace runs on closed networks). The API docs pages widen the
# policy for themselves only (config/urls.py).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
PERMISSIONS_POLICY = {
    "accelerometer": [],
    "camera": [],
    "geolocation": [],
    "gyroscope": [],
    "magnetometer": [],
    "microphone": [],
    "payment": [],
    "usb": [],
}

# --- REST API (/api/v1/) -------------------------------------------------------------
# Permissions come from the rules predicates through common.api.RulesPermission; the
# throttle rates are per user (or per address, anonymous), counted in the shared cache.
REST_FRAMEWORK = {
    # The token first: a request without credentials is answered 401 with
    # `WWW-Authenticate: Token`, as documented, not 403.
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "stakeholders.authentication.ExpiringTokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PAGINATION_CLASS": "common.api.Pagination",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": [
        "rest_framework.throttling.AnonRateThrottle",
        "rest_framework.throttling.UserRateThrottle",
    ],
    "DEFAULT_THROTTLE_RATES": {
        "anon": env("API_THROTTLE_ANON", default="60/minute"),
        "user": env("API_THROTTLE_USER", default="1200/minute"),
    },
    "EXCEPTION_HANDLER": "common.api.exception_handler",
    # throttles count addresses as the lockout does (TRUSTED_PROXY_HOPS)
    "NUM_PROXIES": TRUSTED_PROXY_HOPS,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "TEST_REQUEST_DEFAULT_FORMAT": "json",
}
SPECTACULAR_SETTINGS = {
    "TITLE": "GCM Consultation Workspace API",
    "DESCRIPTION": "Organisations, consultations, inputs, aggregation runs and drafts.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
    "COMPONENT_SPLIT_REQUEST": True,
    # Swagger UI and Redoc come from drf-spectacular-sidecar through static files: no CDN.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "ENUM_NAME_OVERRIDES": {
        "OrganisationKindEnum": "stakeholders.models.Organisation.Kind",
        "InputKindEnum": "consult.models.Input.Kind",
        "PaperLanguageEnum": "positions.models.PAPER_LANGUAGES",
        "InputLanguageEnum": "consult.models.Input.Language",
    },
}

# --- logging ------------------------------------------------------------------------
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    # every failed sign-in is stored (admin: Access failures); no line per try in the log
    "loggers": {"axes": {"level": "WARNING"}},
}

# The demo accounts and consultation may be loaded only where this is true.
DEMO_DATA_ALLOWED = False

FORM_RENDERER = "config.forms.FormRenderer"
