# WeGo Hub production image: gunicorn serving the Wagtail site, static files through whitenoise.
# Build:  docker build -t wego-hub .      Run: see docker-compose.yml and docs/operations.md

# --- builder: install the pinned dependencies into a virtual environment -------------------------
FROM python:3.11-slim AS builder
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
COPY requirements.lock /tmp/requirements.lock
RUN /opt/venv/bin/pip install -r /tmp/requirements.lock

# --- runtime: the venv, the source, collected static files; runs as a non-root user ---------------
FROM python:3.11-slim
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    DJANGO_SETTINGS_MODULE=wego_hub.settings.production \
    MEDIA_ROOT=/data/media \
    STATIC_ROOT=/app/staticfiles \
    WEB_CONCURRENCY=3
RUN groupadd --system --gid 10001 wego \
    && useradd --system --uid 10001 --gid wego --home-dir /app --shell /usr/sbin/nologin wego \
    && mkdir -p /app /data/media \
    && chown -R wego:wego /app /data
COPY --from=builder /opt/venv /opt/venv
WORKDIR /app
COPY --chown=wego:wego . /app
# Production settings refuse to start without SECRET_KEY, ALLOWED_HOSTS and OPEN_BADGES_SIGNING_KEYS: throwaway
# values, this step only (the key below is 32 zero bytes: it signs nothing, these commands issue no credential).
# The interface catalogues are compiled here, not committed (polib: the image carries no GNU gettext).
RUN export OPEN_BADGES_SIGNING_KEYS=build-only:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA \
    && SECRET_KEY=collectstatic-only ALLOWED_HOSTS=localhost python manage.py collectstatic --no-input --verbosity 0 \
    && SECRET_KEY=compile-only ALLOWED_HOSTS=localhost python manage.py compile_catalogues
USER wego
VOLUME ["/data/media"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
    CMD python -c "import urllib.request, sys; sys.exit(0 if urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=4).status == 200 else 1)"
CMD ["sh", "-c", "exec gunicorn wego_hub.wsgi:application --bind 0.0.0.0:8000 --workers ${WEB_CONCURRENCY} --forwarded-allow-ips='*'"]
