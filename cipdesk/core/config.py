"""Settings read from the environment, with safe defaults for a laptop.

Secrets are never defaulted in production: `CIPDESK_ENV=production` without a
SECRET_KEY refuses to start.
"""
from __future__ import annotations

import os
import secrets
from datetime import timedelta
from pathlib import Path


class ConfigurationError(RuntimeError):
    """Raised when the environment does not allow a safe start."""


def _bool(value: str | None, default: bool) -> bool:
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "oui", "on"}


def creer_dossier_prive(chemin: Path | str) -> Path:
    """Create a folder, and any missing parent, readable by the service account only
    (0700, whatever the umask: issue #10, point 7). A folder that already exists is
    left as it is (it may be shared, like /tmp)."""
    chemin = Path(chemin)
    manquants = []
    courant = chemin
    while not courant.exists():
        manquants.append(courant)
        courant = courant.parent
    for dossier in reversed(manquants):
        try:
            dossier.mkdir(mode=0o700)
        except FileExistsError:  # created meanwhile by another worker
            continue
        dossier.chmod(0o700)
    return chemin


def creer_fichier_prive(chemin: Path | str) -> Path:
    """Create an empty file 0600 (never readable by others, even for an instant), or
    bring an existing one back to 0600: the database, its WAL and shared memory,
    backups, secrets. Its folder, if missing, is created 0700."""
    chemin = Path(chemin)
    creer_dossier_prive(chemin.parent)
    try:
        fd = os.open(chemin, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        os.close(fd)
    except FileExistsError:
        pass
    chemin.chmod(0o600)
    return chemin


def proteger_base_sqlite(chemin: Path | str) -> None:
    """The SQLite file 0600 before SQLite opens it: SQLite creates the WAL and the
    shared-memory files with the database file's own mode. Files left 0644 by an
    older version are tightened too."""
    chemin = Path(chemin)
    creer_fichier_prive(chemin)
    for suffixe in ("-wal", "-shm", "-journal"):
        compagnon = chemin.with_name(chemin.name + suffixe)
        if compagnon.exists():
            compagnon.chmod(0o600)


def _secret_key(instance_path: Path, production: bool) -> str:
    key = os.environ.get("SECRET_KEY")
    if key:
        return key
    if production:
        raise ConfigurationError("SECRET_KEY doit être défini en production.")
    # Development: a random key kept in the instance folder so sessions survive restarts.
    path = instance_path / "secret_key"
    if path.exists():
        return path.read_text().strip()
    creer_fichier_prive(path)
    key = secrets.token_hex(32)
    path.write_text(key)
    return key


def load_config(instance_path: str) -> dict:
    """Return the Flask configuration built from the environment."""
    instance = Path(instance_path)
    production = os.environ.get("CIPDESK_ENV", "development") == "production"
    default_db = f"sqlite:///{instance / 'cipdesk.db'}"
    return {
        "CIPDESK_ENV": "production" if production else "development",
        "SECRET_KEY": _secret_key(instance, production),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        # No pool_pre_ping: a pooled connection idle for this long is checked before use
        # (cipdesk/__init__.py), not every connection before every request.
        "SQLALCHEMY_ENGINE_OPTIONS": {},
        "CIPDESK_PING_APRES_SECONDES": 5,
        # Key-encryption key: a file outside the database (compose secret) or, in
        # development, an environment variable. See cipdesk/security/keys.py.
        "CIPDESK_KEK": os.environ.get("CIPDESK_KEK"),
        "CIPDESK_KEK_FILE": os.environ.get(
            "CIPDESK_KEK_FILE", str(instance / "keys" / "kek.key")
        ),
        "CIPDESK_CREATE_KEK": _bool(os.environ.get("CIPDESK_CREATE_KEK"), not production),
        # Session hardening (SECURITY.md): idle timeout through the cookie lifetime,
        # absolute timeout checked at each request.
        "SESSION_COOKIE_HTTPONLY": True,
        "SESSION_COOKIE_SAMESITE": "Lax",
        "SESSION_COOKIE_SECURE": _bool(os.environ.get("SESSION_COOKIE_SECURE"), production),
        "SESSION_COOKIE_NAME": "cipdesk_session",
        "PERMANENT_SESSION_LIFETIME": timedelta(
            minutes=int(os.environ.get("CIPDESK_IDLE_MINUTES", "30"))
        ),
        "SESSION_REFRESH_EACH_REQUEST": True,
        "CIPDESK_ABSOLUTE_SESSION_HOURS": int(os.environ.get("CIPDESK_ABSOLUTE_HOURS", "10")),
        "REMEMBER_COOKIE_HTTPONLY": True,
        "WTF_CSRF_TIME_LIMIT": None,  # the token lives as long as the session
        "WTF_CSRF_HEADERS": ["X-CSRFToken"],
        # Login throttling (per account and per address, stored in the database
        # so that every gunicorn worker sees the same counts).
        "CIPDESK_THROTTLE_WINDOW_MINUTES": 15,
        "CIPDESK_THROTTLE_MAX_PER_ACCOUNT": 5,
        "CIPDESK_THROTTLE_MAX_PER_ADDRESS": 20,
        "CIPDESK_HSTS": production,
        "CIPDESK_PER_PAGE": 25,
        "CIPDESK_PROXY_FIX": _bool(os.environ.get("CIPDESK_PROXY_FIX"), False),
        # Largest attached document, in octets (issue #18; set in Mo by the environment).
        "CIPDESK_DOCUMENTS_TAILLE_MAX": int(float(os.environ.get("CIPDESK_DOCUMENTS_MAX_MO", "10")) * 1024 * 1024),
        # The largest request body (a spreadsheet to import, issue #19: 10 Mo of file and its form):
        # anything bigger is refused from its Content-Length, before it is read (413).
        "MAX_CONTENT_LENGTH": 11 * 1024 * 1024,
    }
