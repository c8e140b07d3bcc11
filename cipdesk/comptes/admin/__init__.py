"""Administration: structures, équipes, comptes, journal d'audit."""
