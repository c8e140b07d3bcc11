"""Territoire: the partners of the territory (later employers, offers, the local network)."""
