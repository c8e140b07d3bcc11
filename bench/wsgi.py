"""WSGI entry of the benchmark: `gunicorn bench.wsgi:app` (from the repository root).

The production app (cipdesk.wsgi, with its boot canary), plus the floor endpoints and
the Server-Timing header of bench/planchers.py."""
from __future__ import annotations

import os

if os.environ.get("CIPDESK_ENV") == "production":
    raise RuntimeError("bench.wsgi est le point d'entrée du banc de mesure, jamais de la production.")

from bench import planchers  # noqa: E402
from cipdesk.wsgi import app  # noqa: E402

planchers.installer(app)
