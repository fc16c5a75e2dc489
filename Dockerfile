FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    DJANGO_SETTINGS_MODULE=toronto_ai.settings.production \
    PORT=8000

RUN useradd --create-home --uid 1000 app
WORKDIR /app

COPY requirements.txt .
RUN pip install -r requirements.txt

COPY --chown=app:app . .
# collectstatic needs settings but no secrets, database or mail server.
RUN SECRET_KEY=collectstatic-only-not-a-real-secret-key-0123456789-abcdefghijklmnop \
    DATABASE_URL=sqlite:////tmp/collectstatic.sqlite3 EMAIL_URL=console:// \
    python manage.py collectstatic --noinput --verbosity 0 \
    && mkdir -p /app/media && chown app:app /app/media

# Uploaded images and documents live on a volume, not in the image.
VOLUME ["/app/media"]
USER app
EXPOSE 8000
CMD ["gunicorn", "toronto_ai.wsgi", "-c", "gunicorn.conf.py", "--no-control-socket"]
