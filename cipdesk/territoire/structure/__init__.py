"""Profil de la structure (dossier de certification, partie 1 : statut, missions, offre de services…)."""
