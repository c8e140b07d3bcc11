"""Structures, équipes, utilisateurs et authentification."""
