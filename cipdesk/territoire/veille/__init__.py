"""Veille informationnelle (REAC CP3) : fiches sur les dispositifs, mesures, appels à projets, réglementation."""
