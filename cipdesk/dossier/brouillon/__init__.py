"""The draft of the dossier, assembled from records (see commun.py)."""
