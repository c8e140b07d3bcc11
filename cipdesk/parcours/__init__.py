"""Parcours contractualisé, entretiens de suivi et projet professionnel (REAC activité type 2: CP6, CP7, CP8)."""
