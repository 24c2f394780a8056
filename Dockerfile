# The one image behind the migrate, web and worker services of docker-compose.yml.
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    DJANGO_SETTINGS_MODULE=config.settings.production

WORKDIR /app

# WeasyPrint (PDF exports) needs Pango and a font from Debian.
RUN apt-get update \
    && apt-get install -y --no-install-recommends libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core \
    && rm -rf /var/lib/apt/lists/*

# Dependencies first, so editing the code does not reinstall them.
COPY requirements.lock ./
RUN pip install --no-cache-dir -r requirements.lock

COPY . .

# Translation catalogues, compiled with Babel as `make` does (no GNU gettext needed);
# fuzzy entries are left out, as there. No catalogues at all is not an error.
RUN if ls locale/*/LC_MESSAGES/django.po >/dev/null 2>&1; then \
        pybabel compile --statistics -d locale -D django; \
    fi

# Static files are collected at build time under the production settings, which read a
# secret and the allowed hosts from the environment: these dummies serve only this step
# and are not in the running container's environment.
ARG BUILD_SECRET_KEY=collectstatic-only-not-a-secret-0123456789-abcdefghijklmnopqrstuvwxyz
ARG BUILD_ALLOWED_HOSTS=localhost
RUN SECRET_KEY="$BUILD_SECRET_KEY" ALLOWED_HOSTS="$BUILD_ALLOWED_HOSTS" \
    python manage.py collectstatic --noinput

# The code stays root-owned and read-only to the service user; only media is writable
# (the named volume mounted there copies this ownership when it is first created).
RUN groupadd --system app \
    && useradd --system --gid app --create-home --home-dir /home/app --shell /usr/sbin/nologin app \
    && mkdir -p /app/media \
    && chown app:app /app/media
USER app

EXPOSE 8000
CMD ["gunicorn", "config.wsgi:application", "--config", "config/gunicorn.py"]
