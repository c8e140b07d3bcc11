# Image de cipdesk pour docker-compose.yml (gunicorn derrière un proxy HTTPS).
FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 \
    PYTHONUNBUFFERED=1 \
    PIP_NO_CACHE_DIR=1 \
    PIP_DISABLE_PIP_VERSION_CHECK=1 \
    CIPDESK_ENV=production \
    CIPDESK_INSTANCE_PATH=/var/lib/cipdesk

# templates/, static/ et migrations/ sont à la racine du dépôt, à côté du paquet :
# l'installation « éditable » laisse create_app() les trouver dans /app.
WORKDIR /app
COPY . .
RUN pip install -e . \
 && groupadd --system --gid 10001 cipdesk \
 && useradd --system --uid 10001 --gid cipdesk --home-dir /var/lib/cipdesk --no-create-home cipdesk \
 && install -d -o cipdesk -g cipdesk -m 0700 /var/lib/cipdesk

USER cipdesk
EXPOSE 8000
CMD ["sh", "-c", "cipdesk init-db && gunicorn -w 3 -b 0.0.0.0:8000 --access-logfile - cipdesk.wsgi:app"]
