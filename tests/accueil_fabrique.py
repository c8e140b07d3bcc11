"""Shim: the accueil builders moved to tests/factories/accueil.py (removed once every import points there)."""
from tests.factories.accueil import *  # noqa: F401,F403
