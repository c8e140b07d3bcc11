"""Sections of the job not built yet: each says so plainly (no dead links)."""
