"""Compétences & dossier: every record carries the REAC competences it evidences."""
