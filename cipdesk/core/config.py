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
    instance_path.mkdir(parents=True, exist_ok=True)
    key = secrets.token_hex(32)
    path.write_text(key)
    path.chmod(0o600)
    return key


def load_config(instance_path: str) -> dict:
    """Return the Flask configuration built from the environment."""
    instance = Path(instance_path)
    production = os.environ.get("CIPDESK_ENV", "development") == "production"
    default_db = f"sqlite:///{instance / 'cipdesk.core.db'}"
    return {
        "CIPDESK_ENV": "production" if production else "development",
        "SECRET_KEY": _secret_key(instance, production),
        "SQLALCHEMY_DATABASE_URI": os.environ.get("DATABASE_URL", default_db),
        "SQLALCHEMY_ENGINE_OPTIONS": {"pool_pre_ping": True},
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
    }
