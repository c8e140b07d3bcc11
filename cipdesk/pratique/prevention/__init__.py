"""Prévention des risques professionnels (REAC, compétence transversale) : charge de travail, incidents, alertes au chef de service."""
