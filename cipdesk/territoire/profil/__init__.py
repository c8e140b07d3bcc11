"""Profil du territoire (REAC CP3), en versions datées."""
