"""Répertoire des partenaires du territoire."""
