"""Accueil et diagnostic partagé (REAC activité type 1: CP1, CP2, CP4, CP5)."""
