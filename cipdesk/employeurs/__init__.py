"""Employeurs (REAC activité type 3: CP12, CP13, CP15): the territory's employers,
interactions, fiches de poste and offers with their non-discrimination check,
candidatures. One sub-package per sub-entity, declared in `module.py`."""
