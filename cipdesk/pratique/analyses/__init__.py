"""Analyses de pratique (REAC CP11) et séances d'analyse de pratique (GEASE, supervision)."""
